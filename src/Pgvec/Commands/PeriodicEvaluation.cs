using PolicyGradient.Environment;
using System.Globalization;
using PolicyGradient.Checkpoints;
using PolicyGradient.Training;

namespace Pgvec.Commands;

/// <summary>
/// `--eval-every N`: after every N-th iteration the policy plays <see cref="Episodes"/> greedy
/// episodes on the host reference env (the run's seed, so every evaluation plays the same
/// starts), as CleanRL's evaluation does; the best policy so far by that measure is kept as
/// best-policy.safetensors, across resumed sessions.
/// </summary>
internal sealed class PeriodicEvaluation
{
    public const int Episodes = 10;
    public const string BestPolicyFile = "best-policy.safetensors";
    public const string ReturnKey = "eval_episodic_return";
    public const string IterationKey = "eval_iteration";

    private readonly int? _every;
    private readonly ulong _seed;
    private readonly EnvironmentDefinition _environment;
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private double _best;

    public PeriodicEvaluation(int? every, EnvironmentDefinition environment, ulong seed, string directory, IReadOnlyDictionary<string, string> metadata)
    {
        _environment = environment;
        _every = every;
        _seed = seed;
        _metadata = metadata;
        _path = Path.Combine(directory, BestPolicyFile);
        _best = every is not null && File.Exists(_path)
            && double.TryParse(SafeTensorsFile.Read(_path).Metadata.GetValueOrDefault(ReturnKey), NumberStyles.Float, CultureInfo.InvariantCulture, out double best)
            ? best
            : double.NegativeInfinity;
    }

    /// <summary>The evaluation after this iteration, or null when none is due.</summary>
    public double? After(BatchedTrainingState state)
    {
        if (_every is not int n || state.Iteration % n != 0)
            return null;
        double mean = GreedyEvaluation.MeanReturn(state.Policy, _environment, Episodes, _seed);
        if (mean > _best)
        {
            _best = mean;
            var metadata = new Dictionary<string, string>(_metadata)
            {
                [ReturnKey] = CheckpointMetadata.Text(mean),
                [IterationKey] = state.Iteration.ToString(CultureInfo.InvariantCulture),
            };
            PolicyTensors.PolicyFile(state.Policy, metadata).Write(_path);
        }
        return mean;
    }
}
