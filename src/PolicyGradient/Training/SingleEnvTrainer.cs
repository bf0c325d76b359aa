using System.Diagnostics;
using PolicyGradient.Environment;
using PolicyGradient.Kernels;
using PolicyGradient.Optimization;
using PolicyGradient.Policy;

namespace PolicyGradient.Training;

/// <summary>
/// The tutorial's algorithm: one environment on the host, one Adam update per episode, the
/// same network and objectives as the batched trainer, all in the float64 reference maths.
/// Solved = the mean return of the last 100 episodes reaches the target.
/// </summary>
internal sealed class SingleEnvTrainer(TrainingOptions options)
{
    public const int SolvedWindow = 100;
    private const ulong SingleEnvStream = 0x51E6;

    public TrainingOutcome Train(Action<UpdateReport>? onEpisode = null, CancellationToken stop = default)
    {
        var policy = options.InitialPolicy();
        var layout = policy.Layout;
        var adam = new Adam(layout.Count, options.LearningRate);
        IReferenceEnvironment env = options.Environment.CreateReference();
        var grad = new double[layout.Count];
        var recent = new Queue<double>();
        double recentSum = 0.0;
        var states = new List<float[]>();
        var actions = new List<PolicyAction>();
        var rewards = new List<double>();
        Span<double> logits = stackalloc double[layout.Actions];

        var clock = Stopwatch.StartNew();
        long envSteps = 0;
        double? secondsToSolve = null;
        int episode = 0;
        while (!stop.IsCancellationRequested && episode < options.MaxUpdates && envSteps < options.MaxEnvSteps && clock.Elapsed.TotalSeconds < options.MaxSeconds)
        {
            ulong key = CounterRandom.StreamKey(options.Seed, SingleEnvStream, (ulong)episode);
            float[] obs = env.Reset(key);
            states.Clear();
            actions.Clear();
            rewards.Clear();
            bool terminated = false;
            double episodeReturn = 0.0, entropy = 0.0;
            while (true)
            {
                PolicyAction action = PolicyAction.Choose(policy, obs, key, actions.Count, options.Environment.Device.ResetDraws, ActionChoice.Sample, logits);
                entropy += Entropy(policy, logits);
                states.Add(obs);
                actions.Add(action);
                var step = action.StepOn(env);
                episodeReturn += step.Reward;
                rewards.Add(step.Reward);
                obs = step.Observation;
                terminated = step.Terminated;
                if (step.Terminated || step.Truncated)
                    break;
            }

            var played = layout.Head == PolicyHead.Gaussian
                ? Episode.Continuous([.. states], [.. actions.Select(a => a.Box!)], [.. rewards])
                : new Episode([.. states], [.. actions.Select(a => a.Discrete)], [.. rewards]);
            double loss;
            if (options.Objective == Objective.Tutorial)
            {
                loss = PolicyMath.TutorialLossGradient(policy.Values, layout, played, episodeReturn, PolicyMath.TutorialReturnOffset, grad);
            }
            else
            {
                var returnsToGo = PolicyMath.ReturnsToGo(rewards.ToArray(), options.Gamma);
                var weights = AdvantageNormalisation.Weights([returnsToGo], subtractBaseline: true, normalise: true);
                loss = PolicyMath.ReinforceGradient(policy.Values, layout, [played], weights, grad);
            }
            string update = $"episode {episode + 1}";
            TrainingDivergedException.ThrowIfNotFinite([loss], "loss", update);
            TrainingDivergedException.ThrowIfNotFinite(grad, "gradient", update);
            double gradientNorm = Math.Sqrt(grad.Sum(g => g * g));
            episode++;
            envSteps += played.Length;

            recent.Enqueue(episodeReturn);
            recentSum += episodeReturn;
            if (recent.Count > SolvedWindow)
                recentSum -= recent.Dequeue();
            double recentMean = recentSum / recent.Count;
            // Solved is judged with the episode this policy just played: the run keeps that policy
            // (saved and evaluated as the one that solved), so its update is not applied.
            bool solves = recent.Count == SolvedWindow && recentMean >= options.TargetReturn;
            if (!solves)
            {
                adam.Step(policy.Values, grad);
                TrainingDivergedException.ThrowIfNotFinite(policy.Values, "updated policy", update);
            }
            double elapsed = clock.Elapsed.TotalSeconds;
            onEpisode?.Invoke(new UpdateReport
            {
                Update = episode, Episodes = 1, MeanReturn = episodeReturn, MinReturn = episodeReturn, MaxReturn = episodeReturn,
                RecentMeanReturn = recentMean, EnvSteps = played.Length, TotalEnvSteps = envSteps,
                EnvStepsPerSecond = envSteps / Math.Max(elapsed, 1e-9), ElapsedSeconds = elapsed,
                PolicyLoss = loss, Entropy = entropy / played.Length, GradientNorm = gradientNorm,
                Terminated = terminated ? 1 : 0, Truncated = terminated ? 0 : 1,
            });
            if (solves)
            {
                secondsToSolve = elapsed;
                break;
            }
        }
        double finalMean = recent.Count > 0 ? recentSum / recent.Count : 0.0;
        return new TrainingOutcome(secondsToSolve.HasValue, episode, episode, envSteps, clock.Elapsed.TotalSeconds,
            secondsToSolve, finalMean, policy, stop.IsCancellationRequested);
    }

    /// <summary>The entropy of the step's distribution: from the log-probabilities a categorical sample left (<see cref="PolicyAction.Choose"/>); a Gaussian's is the same everywhere.</summary>
    private static double Entropy(PolicyParameters policy, ReadOnlySpan<double> logProbabilities) =>
        policy.Head == PolicyHead.Gaussian ? PolicyMath.GaussianEntropy(policy.Values, policy.Layout) : PolicyMath.Entropy(logProbabilities);
}
