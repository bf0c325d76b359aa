using PolicyGradient.Output;

namespace Pgvec.Commands;

/// <summary>A finished training run: its summary.json content and its learning curve (for compare.png).</summary>
internal sealed record CompletedRun(RunSummary Summary, LearningCurve Curve);
