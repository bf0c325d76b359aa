namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's TimeLimit wrapper: a step truncates once the elapsed steps reach max_episode_steps,
/// whether or not it also terminated (both can be true on the last step).
/// </summary>
internal sealed class TimeLimit(int maxEpisodeSteps)
{
    public int MaxEpisodeSteps { get; } = maxEpisodeSteps;

    public int ElapsedSteps { get; private set; }

    public void Reset() => ElapsedSteps = 0;

    /// <summary>Counts one step; returns whether it is truncated.</summary>
    public bool Count()
    {
        ElapsedSteps++;
        return ElapsedSteps >= MaxEpisodeSteps;
    }
}
