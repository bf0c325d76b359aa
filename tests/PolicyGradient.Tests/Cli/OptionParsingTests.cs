using Pgvec.CommandLine;
using Pgvec.Options;
using Pgvec.Replay;
using PolicyGradient.Devices;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Cli;

public class OptionParsingTests
{
    [Fact]
    public void No_arguments_means_train_with_the_library_defaults_4096_envs_and_device_auto()
    {
        var train = Assert.IsType<TrainOptions>(CommandLineParsing.ParseOptions(["train"]));

        // Batched training's learning rate is its own (the sweep table's), the rest the library's.
        Assert.Equal(new TrainingOptions { LearningRate = TrainingOptions.BatchedLearningRate }, train.Training(train.MaxIterations));
        Assert.Equal(1000, train.MaxIterations);
        Assert.Equal(4096, train.Envs);
        Assert.Equal(DeviceKind.Auto, train.DeviceKind);
        Assert.Null(train.Out);
    }

    [Fact]
    public void Baseline_and_compare_default_to_5000_episodes_and_600_seconds()
    {
        var baseline = Assert.IsType<BaselineOptions>(CommandLineParsing.Parse(["baseline"]));
        var compare = Assert.IsType<CompareOptions>(CommandLineParsing.Parse(["compare"]));

        Assert.Equal(5000, baseline.MaxEpisodes);
        Assert.Equal(5000, compare.MaxEpisodes);
        // Each trainer with its own defaults: the baseline the tutorial's learning rate, batched training the sweep's choice.
        Assert.Equal(TrainingOptions.TutorialLearningRate, baseline.Training(baseline.MaxEpisodes).LearningRate);
        Assert.Equal(TrainingOptions.TutorialLearningRate, compare.BaselineLearningRate);
        Assert.Equal(TrainingOptions.BatchedLearningRate, compare.Training(compare.MaxIterations).LearningRate);
        Assert.Equal(1000, compare.MaxIterations);
        Assert.Equal(600.0, baseline.MaxSeconds);
        Assert.Equal(600.0, compare.MaxSeconds);
    }

    [Fact]
    public void Every_option_maps_onto_the_training_options()
    {
        var train = Assert.IsType<TrainOptions>(CommandLineParsing.ParseOptions(
        [
            "train", "--envs", "16777216", "--device", "opencl", "--seed", "18446744073709551615", "--hidden", "1024",
            "--lr=1e-3", "--gamma", "1", "--objective", "seed", "--target-return", "-2.5", "--max-iterations", "7",
            "--max-seconds", "0.5", "--out", "somewhere",
        ]));

        Assert.Equal(new TrainingOptions
        {
            Seed = ulong.MaxValue, Hidden = 1024, LearningRate = 1e-3, Gamma = 1.0, Objective = Objective.Tutorial,
            TargetReturn = -2.5, MaxUpdates = 7, MaxSeconds = 0.5,
        }, train.Training(train.MaxIterations));
        Assert.Equal(16777216, train.Envs);
        Assert.Equal(DeviceKind.OpenCL, train.DeviceKind);
        Assert.Equal("somewhere", train.Out);
    }

    [Fact]
    public void Negative_values_are_read_as_values_not_as_options()
    {
        var replay = Assert.IsType<ReplayOptions>(CommandLineParsing.Parse(["replay", "--state", "-0.5,-1e-3,-.25,0", "--actions", "1"]));

        Assert.Equal([-0.5, -1e-3, -0.25, 0.0], ReplayInput.ParseState(replay.State));
    }

    [Fact]
    public void Command_line_names_of_devices_and_objectives_are_the_names_summary_json_uses()
    {
        Assert.All(Enum.GetValues<DeviceKind>(), k => Assert.Equal(k, EnumNames.Parse<DeviceKind>(k.Name())));
        Assert.All(Enum.GetValues<Objective>(), o => Assert.Equal(o, EnumNames.Parse<Objective>(o.Name())));
        Assert.Equal(["auto", "cuda", "opencl", "cpu"], EnumNames.Of(typeof(DeviceKind)));
    }

    [Fact]
    public void State_text_printed_with_round_trip_precision_reads_back_as_the_same_doubles()
    {
        double[] state = [-0.04418272741175573, 0.01508881020929545, double.Epsilon, -1.7976931348623157E+308];
        string text = string.Join(",", state.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(state, ReplayInput.ParseState(text));
    }
}
