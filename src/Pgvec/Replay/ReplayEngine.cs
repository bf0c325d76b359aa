namespace Pgvec.Replay;

internal enum ReplayEngine
{
    /// <summary>The Gymnasium-exact float64 environment.</summary>
    Host,
    /// <summary>The float32 kernel step on an accelerator.</summary>
    Device,
}
