namespace PolicyGradient.Environment;

/// <summary>
/// Gymnasium's bookkeeping around the CartPole physics: the reward (1 per step, or Sutton and
/// Barto's 0 / -1), steps_beyond_terminated, and TimeLimit(500) truncation. Shared by the float64
/// environment and the device replay, so both engines pay rewards by the same rules.
/// </summary>
internal sealed class EpisodeBookkeeping(bool suttonBartoReward)
{
    private readonly TimeLimit _timeLimit = new(CartPole.MaxEpisodeSteps);

    public bool SuttonBartoReward { get; } = suttonBartoReward;

    public int ElapsedSteps => _timeLimit.ElapsedSteps;

    /// <summary>Gymnasium's steps_beyond_terminated: null while alive, 0 on the terminating step.</summary>
    public int? StepsBeyondTerminated { get; private set; }

    public void Reset()
    {
        _timeLimit.Reset();
        StepsBeyondTerminated = null;
    }

    /// <summary>Books one step that ended in a terminal state or not; returns its reward and whether the time limit cut it.</summary>
    public (double Reward, bool Truncated) Record(bool terminated)
    {
        double reward;
        if (!terminated)
        {
            reward = SuttonBartoReward ? 0.0 : 1.0;
        }
        else if (StepsBeyondTerminated is null)
        {
            StepsBeyondTerminated = 0;
            reward = SuttonBartoReward ? -1.0 : 1.0;
        }
        else
        {
            // Gymnasium warns here and keeps stepping; so do we, without the warning.
            StepsBeyondTerminated++;
            reward = SuttonBartoReward ? -1.0 : 0.0;
        }

        return (reward, _timeLimit.Count());
    }
}
