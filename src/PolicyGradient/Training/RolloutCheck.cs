using PolicyGradient.Batched;

namespace PolicyGradient.Training;

/// <summary>
/// Each active env plays exactly one episode per rollout, so the device's episode count says
/// whether its kernels ran: a driver that accepts the launches but runs nothing (or a wrong
/// launch) returns zeros or stale rows, and training on them would write infinities.
/// </summary>
internal static class RolloutCheck
{
    /// <summary>Throws unless <paramref name="statistics"/> count one episode for each of the agent's <paramref name="envs"/> envs.</summary>
    /// <param name="iteration">The iteration (from 1) the rollout belongs to, for the message.</param>
    /// <param name="agent">The agent, in a batch of several; null for one.</param>
    public static void EnsureEveryEnvPlayed(BatchStatistics statistics, long envs, int iteration, int? agent = null)
    {
        if (statistics.Episodes == envs && statistics.Steps >= envs)
            return;
        string update = agent is null ? $"iteration {iteration}" : $"iteration {iteration} of agent {agent}";
        throw new DeviceResultException(statistics.Episodes == 0
            ? $"the device returned no episodes: its kernels did not run ({update}, {envs:N0} envs)"
            : $"the device returned {statistics.Episodes:N0} episodes and {statistics.Steps:N0} steps for {envs:N0} envs ({update}): its kernels did not run as launched");
    }
}

/// <summary>The device returned numbers that cannot come from the kernels having run.</summary>
internal sealed class DeviceResultException(string message) : Exception(message);
