namespace PolicyGradient.Tests.Cli;

public class SweepUsageTests
{
    private const string TrainLr = "a finite number greater than 0";

    public static TheoryData<string[], string[]> BadInputs => new()
    {
        // args after "sweep", fragments the one line must contain (the bad value, what is allowed)
        { ["--seeds", "0-3,2"], ["--seeds 0-3,2 gives 2 twice", "no value twice"] },
        { ["--seeds", "1,,2"], ["--seeds 1,,2 has an empty item", "each an integer from 0 to 18446744073709551615"] },
        { ["--seeds", "1,2,"], ["--seeds 1,2, has an empty item", "ranges such as 0-31"] },
        { ["--seeds", "5-2"], ["--seeds 5-2 has the range 5-2, which runs backwards", "ranges such as 0-31"] },
        { ["--seeds", "-1"], ["--seeds -1 has -1, which is not an integer from 0"] },
        { ["--seeds", "0-99999999"], ["--seeds 0-99999999 has more than 65,536 values (the range 0-99999999)", "at most 65536"] },
        { ["--lr", "0.1,0.1"], ["--lr 0.1,0.1 gives 0.1 twice", TrainLr, "no value twice"] },
        { ["--lr", "0.1,0.10"], ["--lr 0.1,0.10 gives 0.1 twice", "no value twice"] },
        { ["--lr", "0.1,-1"], ["--lr 0.1,-1 has -1, which is not a finite number greater than 0", TrainLr] },
        { ["--lr", "0.03,"], ["--lr 0.03, has an empty item", TrainLr] },
        { ["--lr", "0.03-0.1"], ["--lr 0.03-0.1 has 0.03-0.1, which is not", TrainLr] },
        { ["--gamma", "0.9,1.5"], ["--gamma 0.9,1.5 has 1.5, which is not a number from 0 to 1", "each a number from 0 to 1"] },
        { ["--objective", "reinforce,reinforce"], ["--objective reinforce,reinforce gives reinforce twice", "no value twice"] },
        { ["--objective", "ppo"], ["--objective ppo has ppo, which is not one of reinforce, tutorial", "each one of reinforce, tutorial"] },
        { ["--envs", "0"], ["--envs 0 is out of range", "an integer from 1 to 16777216"] },
        { ["--seed", "3"], ["unknown option --seed for sweep", "--seeds"] },
        { ["--seeds", "0-1023", "--envs", "32768"], ["--envs 32768 for 1,024 agents is 33,554,432 envs", "at most 16,777,216", "at most --envs 16,384"] },
        { ["--env", "CartPole-v1,acrobot"], ["--env CartPole-v1,acrobot has acrobot, which is not valid (did you mean Acrobot-v1?)", "each one of CartPole-v1, Acrobot-v1, MountainCar-v0"] },
        { ["--env", "Acrobot-v1,CartPole-v1,Acrobot-v1"], ["--env Acrobot-v1,CartPole-v1,Acrobot-v1 gives Acrobot-v1 twice", "no value twice"] },
        { ["--env", "CartPole-v1,"], ["--env CartPole-v1, has an empty item", "each one of CartPole-v1"] },
        { ["--env", "CartPole-v1,pendulum"], ["has pendulum, which is not valid (did you mean Pendulum-v1?)"] },
        // The tutorial objective fits CartPole-v1 alone: a grid that pairs it with another environment is refused.
        { ["--env", "CartPole-v1,Acrobot-v1", "--objective", "reinforce,tutorial"], ["--objective tutorial does not fit --env Acrobot-v1"] },
        // The limit is one batch's: one environment's agents.
        { ["--env", "CartPole-v1,Acrobot-v1", "--seeds", "0-1023", "--envs", "32768"], ["--envs 32768 for 1,024 agents on each --env is 33,554,432 envs"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_grid_input_is_refused_with_one_line_and_exit_2_before_any_work(string[] args, string[] fragments)
    {
        using var temp = new TempDirectory();
        string directory = temp.Combine("run");

        CliRun.Of(["sweep", .. args, "--device", "cpu", "--out", directory]).AssertUsageError(fragments);
        Assert.False(Directory.Exists(directory), "a refused sweep created its run directory");
    }

    [SkippableFact]
    public void A_grid_that_does_not_fit_the_device_memory_is_refused_before_allocating_with_the_largest_envs_that_fits()
    {
        // 512 agents x 8192 envs: 2^22 envs of about 13 kB each, some 58 GB (and within the kernels' 32-bit indices).
        Skip.If(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.9 > 58_300_000_000L, "this machine has room for the whole grid");
        using var temp = new TempDirectory();

        var run = CliRun.Of("sweep", "--seeds", "0-511", "--envs", "8192", "--device", "cpu", "--out", temp.Path);

        Assert.Equal(1, run.Exit);
        Assert.Matches(@"^pgvec: error: 512 agents x --envs 8,192 = 4,194,304 envs need [\d.]+ GB of cpu memory \([\d,]+ bytes per env\) but [\d.]+ GB is available; the largest --envs that fits 512 agents is [\d,]+$", run.StderrLines[^1]);
        Assert.False(File.Exists(temp.Combine("sweep.json")));
        Assert.False(Directory.Exists(temp.Combine("policies")));
    }

    [Fact]
    public void A_directory_holding_a_sweep_is_refused_without_overwrite()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("sweep.json"), "{}");

        CliRun.Of("sweep", "--device", "cpu", "--out", temp.Path).AssertUsageError($"--out {temp.Path} already holds a run (sweep.json", "--overwrite");
    }
}
