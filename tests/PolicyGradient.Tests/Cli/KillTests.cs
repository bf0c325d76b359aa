using System.Diagnostics;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Cli;

/// <summary>SIGKILL at random moments of a run that checkpoints every iteration never leaves a torn checkpoint.</summary>
public class KillTests
{
    private const int Kills = 8;

    /// <remarks>
    /// Made so that kills land inside writes: one env and 1024 hidden units make each iteration
    /// short and each checkpoint large (~200 KB, flushed to disk before the rename), so most of
    /// the run's time is spent writing checkpoints. A writer that wrote the file in place would
    /// be caught mid-write, leaving a file the strict reader refuses, in most of these runs.
    /// </remarks>
    [Fact]
    public void A_run_killed_at_random_moments_leaves_a_whole_checkpoint_or_none()
    {
        using var temp = new TempDirectory();
        string dll = Path.Combine(AppContext.BaseDirectory, "pgvec.dll");
        var random = new Random(7);
        int loaded = 0;
        for (int k = 0; k < Kills; k++)
        {
            string directory = temp.Combine($"run{k}");
            var start = new ProcessStartInfo("dotnet", [dll, "--envs", "1", "--hidden", "1024", "--device", "cpu", "--checkpoint-every", "1", "--max-seconds", "60", "--out", directory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            // Iteration 2's line comes after iteration 1's checkpoint: from here on there is one to find.
            Assert.StartsWith("iteration", process.StandardOutput.ReadLine());
            Assert.StartsWith("iteration", process.StandardOutput.ReadLine());
            Thread.Sleep(random.Next(0, 300));
            process.Kill();
            process.WaitForExit();

            foreach (string name in new[] { "checkpoint.safetensors", "policy.safetensors" })
            {
                string path = Path.Combine(directory, name);
                if (!File.Exists(path))
                    continue;
                var file = SafeTensorsFile.Read(path);   // throws on a torn file
                if (name == "checkpoint.safetensors")
                    Assert.True(TrainingCheckpoint.ToState(file).Iteration >= 1);
                loaded++;
            }
        }
        Assert.True(loaded >= Kills, $"only {loaded} checkpoint files were there to load after {Kills} kills");
    }
}
