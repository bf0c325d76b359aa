namespace PolicyGradient.Tests.Cli;

public class UsageErrorTests
{
    public static TheoryData<string[], string[]> BadInputs => new()
    {
        // args, fragments the one line must contain (the bad value, what is allowed)
        { ["--envs", "0"], ["--envs 0 is out of range", "an integer from 1 to 16777216"] },
        { ["--envs", "-5"], ["--envs -5 is out of range", "an integer from 1 to 16777216"] },
        { ["--envs", "abc"], ["--envs abc is not valid", "an integer from 1 to 16777216"] },
        { ["--envs", "16777217"], ["--envs 16777217 is out of range", "16777216"] },
        { ["--envs", "99999999999"], ["--envs 99999999999 is not valid", "16777216"] },
        { ["--device", "tpu"], ["--device tpu is not valid", "one of auto, cuda, opencl, cpu"] },
        { ["--lr", "-1"], ["--lr -1 is out of range", "a finite number greater than 0"] },
        { ["--lr", "0"], ["--lr 0 is out of range", "greater than 0"] },
        { ["--lr", "1e400"], ["--lr 1e400 is out of range", "finite"] },
        { ["--lr", "1,5"], ["--lr 1,5 is not valid", "a finite number greater than 0"] },
        { ["--gamma", "1.5"], ["--gamma 1.5 is out of range", "a number from 0 to 1"] },
        { ["--gamma", "-0.1"], ["--gamma -0.1 is out of range", "a number from 0 to 1"] },
        { ["--hidden", "0"], ["--hidden 0 is out of range", "an integer from 1 to 1024"] },
        { ["--hidden", "1025"], ["--hidden 1025 is out of range", "an integer from 1 to 1024"] },
        { ["--seed", "-1"], ["--seed -1 is not valid", "an integer from 0 to 18446744073709551615"] },
        { ["--target-return", "NaN"], ["--target-return NaN is out of range", "a finite number"] },
        { ["--max-iterations", "0"], ["--max-iterations 0 is out of range", "an integer from 1 to"] },
        { ["--max-seconds", "0"], ["--max-seconds 0 is out of range", "greater than 0"] },
        { ["--objective", "ppo"], ["--objective ppo is not valid", "one of reinforce, tutorial"] },
        { ["baseline", "--max-episodes", "0"], ["--max-episodes 0 is out of range", "an integer from 1 to"] },
        { ["baseline", "--envs", "8"], ["unknown option --envs for baseline", "--max-episodes"] },
        { ["compare", "--gamma", "2"], ["--gamma 2 is out of range", "a number from 0 to 1"] },
        { ["tpu"], ["unknown verb 'tpu': must be one of", "train, baseline, compare, devices, envs, replay, bench"] },
        { ["trian"], ["unknown verb 'trian' (did you mean 'train'?)", "must be one of train, "] },
        { ["TRAIN"], ["unknown verb 'TRAIN' (did you mean 'train'?)"] },
        { ["--version", "extra"], ["unexpected argument 'extra': --version takes nothing else"] },
        { ["export", "--checkpoint", "policy.safetensors", "--onnx", "p.txt"], ["--onnx p.txt is not an .onnx name", "must end in .onnx"] },
        { ["--env", "acrobot"], ["--env acrobot is not valid (did you mean Acrobot-v1?)", "must be one of CartPole-v1, Acrobot-v1, MountainCar-v0"] },
        { ["--env", "pendulum"], ["--env pendulum is not valid (did you mean Pendulum-v1?)"] },
        { ["--env", "MountainCarContinuous"], ["--env MountainCarContinuous is not valid (did you mean MountainCarContinuous-v0?)"] },
        { ["--env", "8"], ["--env 8 is not valid: must be one of CartPole-v1, Acrobot-v1, MountainCar-v0"] },
        { ["--evns", "8"], ["unknown option --evns for train (did you mean --envs?)"] },
        { ["baseline", "--max-episode", "8"], ["unknown option --max-episode for baseline (did you mean --max-episodes?)"] },
        { ["devices", "--envs", "3"], ["unknown option --envs for devices", "allowed are --json, --ptx"] },
        { ["--bogus", "3"], ["unknown option --bogus", "--envs"] },
        { ["-e", "3"], ["unknown option -e for train: allowed are", "--envs"] },
        { ["train", "extra"], ["unexpected argument 'extra'", "--options"] },
        { ["--envs"], ["--envs needs a value", "an integer from 1 to 16777216"] },
        { ["--out", "--envs", "3"], ["--out needs a value", "a directory path"] },
        { ["--envs", "3", "--envs", "4"], ["--envs is given more than once"] },
        { ["help", "train", "baseline"], ["unexpected argument 'baseline'"] },
        { ["replay", "--actions", "01"], ["replay needs --state", "comma-separated finite numbers", "x,x_dot,theta,theta_dot"] },
        { ["replay", "--state", "0,0,0,0"], ["replay needs --actions", "action digits"] },
        { ["replay", "--state", "1,2,3", "--actions", "01"], ["--state 1,2,3 has 3 numbers", "CartPole-v1's state is 4 comma-separated finite numbers x,x_dot,theta,theta_dot"] },
        { ["replay", "--state", "1,2,3,4,5", "--actions", "01"], ["--state 1,2,3,4,5 has 5 numbers", "4 comma-separated"] },
        { ["replay", "--env", "Acrobot-v1", "--state", "0,0", "--actions", "01"], ["--state 0,0 has 2 numbers", "Acrobot-v1's state is 4 comma-separated finite numbers theta1,theta2,dtheta1,dtheta2"] },
        { ["replay", "--env", "MountainCar-v0", "--state", "-0.5,0,0,0", "--actions", "01"], ["--state -0.5,0,0,0 has 4 numbers", "MountainCar-v0's state is 2 comma-separated finite numbers position,velocity"] },
        { ["replay", "--env", "Acrobot-v1", "--state", "0,0,0,0", "--actions", "0123"], ["--actions 0123 has action 3 (step 4)", "Acrobot-v1's actions are 0 to 2"] },
        { ["replay", "--env", "MountainCar-v0", "--state", "-0.5,0", "--actions", "01", "--sutton-barto"], ["--sutton-barto is CartPole-v1's", "MountainCar-v0 has none"] },
        { ["replay", "--env", "acrobot", "--state", "0,0,0,0", "--actions", "01"], ["--env acrobot is not valid (did you mean Acrobot-v1?)"] },
        { ["replay", "--state", "0,0,x,0", "--actions", "01"], ["--state 0,0,x,0 is not valid", "comma-separated finite numbers"] },
        { ["replay", "--state", "0,0,Infinity,0", "--actions", "01"], ["--state 0,0,Infinity,0 is not valid", "finite"] },
        { ["replay", "--state", "0,0,0,0", "--actions", "0120"], ["--actions 0120 has action 2 (step 3)", "CartPole-v1's actions are 0 to 1"] },
        { ["replay", "--state", "0,0,0,0", "--actions", "01a"], ["--actions 01a is not valid", "a non-empty string of action digits"] },
        { ["replay", "--state", "0,0,0,0", "--actions", "0.5,1"], ["--actions 0.5,1 is not valid", "CartPole-v1 takes a non-empty string of action digits, one per step, 0 to 1"] },
        { ["replay", "--env", "Pendulum-v1", "--state", "0,0", "--actions", "0.5,abc,1"], ["--actions 0.5,abc,1: 'abc' (step 2) is not a number", "Pendulum-v1 takes one number per step, comma-separated", "one outside its Box [-2, 2] is clipped to it"] },
        { ["replay", "--env", "MountainCarContinuous-v0", "--state", "-0.5,0", "--actions", "1,,1"], ["--actions 1,,1: '' (step 2) is not a number", "its Box [-1, 1]"] },
        { ["replay", "--env", "Pendulum-v1", "--state", "0,0", "--actions", "NaN"], ["--actions NaN: 'NaN' (step 1) is not a finite float32 number"] },
        { ["replay", "--env", "Pendulum-v1", "--state", "0,0", "--actions", "1,1e39"], ["'1e39' (step 2) is not a finite float32 number"] },
        { ["replay", "--env", "Pendulum-v1", "--state", "0,0,0", "--actions", "1"], ["--state 0,0,0 has 3 numbers", "Pendulum-v1's state is 2 comma-separated finite numbers theta,theta_dot"] },
        { ["replay", "--state", "0,0,0,0", "--actions="], ["--actions needs a value", "action digits"] },
        { ["replay", "--state", "0,0,0,0", "--actions", "01", "--engine", "gpu"], ["--engine gpu is not valid", "one of host, device"] },
        { ["replay", "--state", "0,0,0,0", "--actions", "01", "--sutton-barto=yes"], ["--sutton-barto=yes is not valid", "takes no value"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_naming_the_value_and_what_is_allowed(string[] args, string[] fragments)
    {
        CliRun.Of(args).AssertUsageError(fragments);
    }
}

public class OutputDirectoryTests
{
    [Fact]
    public void An_out_below_a_file_cannot_be_created_and_is_refused_as_bad_input()
    {
        using var temp = new TempDirectory();
        string file = temp.Combine("a-file");
        File.WriteAllText(file, "");

        CliRun.Of("--envs", "1", "--device", "cpu", "--out", Path.Combine(file, "run")).AssertUsageError("--out", "cannot be created or written");
        CliRun.Of("--envs", "1", "--device", "cpu", "--out", file).AssertUsageError($"--out {file} is a file: must be a directory");
    }

    [Fact]
    public void An_out_holding_another_run_is_refused_unless_overwrite_and_overwrite_leaves_only_the_new_run()
    {
        using var temp = new TempDirectory();
        string[] first = ["--envs", "4", "--device", "cpu", "--max-iterations", "3", "--quiet", "--out", temp.Path];
        Assert.Equal(0, CliRun.Of(first).Exit);
        string summary = File.ReadAllText(temp.Combine("summary.json"));

        CliRun.Of("--envs", "4", "--device", "cpu", "--max-iterations", "2", "--quiet", "--out", temp.Path)
            .AssertUsageError($"--out {temp.Path} already holds a run", "--overwrite");
        Assert.Equal(summary, File.ReadAllText(temp.Combine("summary.json")));

        var replaced = CliRun.Of("--envs", "4", "--device", "cpu", "--max-iterations", "2", "--quiet", "--overwrite", "--out", temp.Path);
        Assert.Equal(0, replaced.Exit);
        Assert.Equal(3, File.ReadAllLines(temp.Combine("metrics.csv")).Length);   // header and the new run's two rows
        Assert.Single(Directory.GetFiles(temp.Path, "events.out.tfevents.*"));
    }

    [Theory]
    [InlineData("train", "--envs", "4", "--device", "cpu")]
    [InlineData("baseline")]
    [InlineData("compare", "--envs", "4", "--device", "cpu")]
    [InlineData("sweep", "--envs", "4", "--device", "cpu")]
    public void An_out_that_is_a_non_empty_folder_but_not_a_run_is_refused_even_with_overwrite(params string[] verb)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("README.md"), "a repository, or a folder of runs");
        Directory.CreateDirectory(temp.Combine("train-20250101-120000"));

        foreach (string[] extra in new[] { Array.Empty<string>(), ["--overwrite"] })
        {
            CliRun.Of([.. verb, .. extra, "--max-seconds", "5", "--out", temp.Path])
                .AssertUsageError($"--out {temp.Path} is a non-empty folder that is not a pgvec run (it holds ", "give a new or empty directory");
        }
        Assert.Equal(["README.md"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_out_that_is_an_empty_folder_is_used()
    {
        using var temp = new TempDirectory();

        Assert.Equal(0, CliRun.Of("--envs", "4", "--device", "cpu", "--max-iterations", "1", "--quiet", "--out", temp.Path).Exit);
        Assert.True(File.Exists(temp.Combine("summary.json")));
    }
}
