namespace PolicyGradient.Environment.Assemblies;

/// <summary>An environment assembly that cannot be used, or a name it does not hold: one line saying which and why.</summary>
internal sealed class EnvironmentAssemblyException(string message) : Exception(message);
