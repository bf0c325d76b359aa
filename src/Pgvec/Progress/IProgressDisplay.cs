using PolicyGradient.Training;

namespace Pgvec.Progress;

/// <summary>Shows a training run's progress while <see cref="Track{T}"/> runs it.</summary>
internal interface IProgressDisplay
{
    /// <param name="train">Runs the training, calling the given action after every update.</param>
    T Track<T>(Func<Action<UpdateReport>, T> train);
}

/// <summary>--quiet: nothing while training; the run's final summary line still prints.</summary>
internal sealed class QuietProgress : IProgressDisplay
{
    public T Track<T>(Func<Action<UpdateReport>, T> train) => train(_ => { });
}
