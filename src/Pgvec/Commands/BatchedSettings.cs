using PolicyGradient.Devices;

namespace Pgvec.Commands;

/// <summary>Where and how wide a batched run trains: the accelerator asked for, whether it must be that one, and the env count.</summary>
public sealed record BatchedSettings(DeviceKind Device, bool StrictDevice, int Envs);
