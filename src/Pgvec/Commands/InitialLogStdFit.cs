using System.Globalization;
using Pgvec.CommandLine;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace Pgvec.Commands;

/// <summary>Where --initial-log-std means something: a Gaussian policy, so a continuous environment.</summary>
internal static class InitialLogStdFit
{
    public static void Require(double? initialLogStd, IReadOnlyList<EnvironmentDefinition> environments)
    {
        if (initialLogStd is { } value && environments.All(e => e.Device.Head != PolicyHead.Gaussian))
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--initial-log-std {value} does not fit --env {string.Join(",", environments.Select(e => e.Id))}: a categorical policy has no log_std; it sets a Gaussian policy's, for continuous environments ({string.Join(", ", Environments.All.Where(e => e.Device.Head == PolicyHead.Gaussian).Select(e => e.Id))})"));
    }
}
