using PolicyGradient.Training;

namespace PolicyGradient.Output;

/// <summary>
/// What a training run leaves to watch and keep, update by update: metrics.csv, a TensorBoard
/// event file (CleanRL's scalar names, steps = env-steps so far) and the learning curve that
/// the reporting library draws at the end.
/// </summary>
internal sealed class RunRecorder : IDisposable
{
    private readonly string _label;
    private readonly string _returnMeaning;
    private readonly MetricsCsv _metrics;
    private readonly TensorBoardEvents _events;
    private readonly List<double> _envSteps = [];
    private readonly List<double> _seconds = [];
    private readonly List<double> _returns = [];

    /// <param name="resumedAfter">See <see cref="MetricsCsv"/>: a resumed run continues metrics.csv.</param>
    /// <param name="returnMeaning">Which mean return the curve plots (see <see cref="LearningCurve"/>).</param>
    public RunRecorder(string directory, string label, string returnMeaning, (int Iteration, long Episodes)? resumedAfter = null)
    {
        _label = label;
        _returnMeaning = returnMeaning;
        _metrics = new MetricsCsv(directory, resumedAfter);
        _events = new TensorBoardEvents(directory);
        // A resumed run's curve starts where the run started, not where this session did.
        int envSteps = Array.IndexOf(MetricsCsv.Columns, "env_steps");
        int seconds = Array.IndexOf(MetricsCsv.Columns, "wall_seconds");
        int meanReturn = Array.IndexOf(MetricsCsv.Columns, "mean_return");
        foreach (double[] row in _metrics.KeptRows)
        {
            _envSteps.Add(row[envSteps]);
            _seconds.Add(row[seconds]);
            _returns.Add(row[meanReturn]);
        }
    }

    /// <param name="evalReturn">The periodic greedy evaluation after this update, if one was made: TensorBoard's eval/episodic_return.</param>
    public void Record(UpdateReport r, double? evalReturn = null)
    {
        _metrics.Add(r, evalReturn);
        long step = r.TotalEnvSteps;
        _events.Scalar("charts/episodic_return", step, (float)r.MeanReturn);
        _events.Scalar("charts/episodic_length", step, (float)r.MeanEpisodeLength);
        _events.Scalar("charts/terminated_fraction", step, (float)r.TerminatedFraction);
        _events.Scalar("charts/SPS", step, (float)r.EnvStepsPerSecond);
        _events.Scalar("losses/policy_loss", step, (float)r.PolicyLoss);
        _events.Scalar("losses/entropy", step, (float)r.Entropy);
        _events.Scalar("losses/gradient_norm", step, (float)r.GradientNorm);
        if (evalReturn is double e)
            _events.Scalar("eval/episodic_return", step, (float)e);
        _events.Flush();
        _envSteps.Add(r.TotalEnvSteps);
        _seconds.Add(r.ElapsedSeconds);
        _returns.Add(r.RunningMeanReturn);
    }

    /// <summary>The run's curve: the mean return its solved test watches, after each update.</summary>
    public LearningCurve Curve => new(_label, _returnMeaning, [.. _envSteps], [.. _seconds], [.. _returns]);

    public void Dispose()
    {
        _metrics.Dispose();
        _events.Dispose();
    }
}
