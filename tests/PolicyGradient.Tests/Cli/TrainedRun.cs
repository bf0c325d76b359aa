namespace PolicyGradient.Tests.Cli;

/// <summary>One small train run on the CPU accelerator, made once for a test class that reads its files.</summary>
public sealed class TrainedRun : IDisposable
{
    public const int Seed = 3;
    public const int Hidden = 8;
    public const int Envs = 8;
    public const int Iterations = 3;

    private readonly TempDirectory _temp = new();

    public TrainedRun()
    {
        var run = CliRun.Of(Arguments(Iterations, "--out", Directory));
        Assert.Equal(0, run.Exit);
    }

    public string Directory => _temp.Combine("run");
    public string Policy => Path.Combine(Directory, "policy.safetensors");
    public string Checkpoint => Path.Combine(Directory, "checkpoint.safetensors");

    /// <summary>train's arguments for this run's settings with another budget, plus <paramref name="more"/>.</summary>
    public static string[] Arguments(int iterations, params string[] more) =>
    [
        "train", "--envs", $"{Envs}", "--device", "cpu", "--seed", $"{Seed}", "--hidden", $"{Hidden}",
        "--max-iterations", $"{iterations}", .. more,
    ];

    public void Dispose() => _temp.Dispose();
}
