using Pgvec.Commands;
using PolicyGradient.Sweeps;

namespace Pgvec.Progress;

/// <summary>Shows a sweep's progress while <see cref="Track{T}"/> runs it: <see cref="IProgressDisplay"/> for many agents.</summary>
internal interface ISweepProgress
{
    /// <param name="train">Runs the sweep, calling the given action after every agent's iteration.</param>
    T Track<T>(Func<Action<AgentIteration>, T> train);

    /// <summary>A live display on an interactive terminal, plain lines when redirected, nothing with --quiet.</summary>
    /// <param name="targetReturns">Each environment's target, in the grid's order of environments.</param>
    public static ISweepProgress For(RunContext context, AgentGrid grid, IReadOnlyList<double> targetReturns)
    {
        if (context.Quiet)
            return new QuietSweepProgress();
        var tally = new SweepTally(grid, targetReturns);
        return context.IsTerminal ? new SweepLiveProgress(tally, context.Stdout) : new SweepProgressLog(context.Stdout, tally);
    }
}

/// <summary>--quiet: nothing while training; the sweep's final summary still prints.</summary>
internal sealed class QuietSweepProgress : ISweepProgress
{
    public T Track<T>(Func<Action<AgentIteration>, T> train) => train(_ => { });
}
