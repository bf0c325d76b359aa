using ILGPU.Runtime.CPU;
using PolicyGradient.Devices;
using PolicyGradient.Tests.Kernels;
using PolicyGradient.Training;

namespace PolicyGradient.Tests.Training;

[Collection(CpuDeviceCollection.Name)]
public class AgentBatchTests(CpuDeviceFixture fixture)
{
    private const int Envs = 16;

    /// <summary>Different seeds, learning rates, discounts and objectives: everything an agent owns differs.</summary>
    private static readonly AgentSettings[] Mixed =
    [
        new(1, 0.01, 0.99, Objective.Reinforce),
        new(2, 0.1, 0.99, Objective.Reinforce),
        new(3, 0.05, 0.9, Objective.Reinforce),
        new(4, 0.03, 0.99, Objective.Tutorial),
    ];

    private static TrainingOptions Alone(AgentSettings agent, int maxIterations, double target) =>
        agent.ApplyTo(new TrainingOptions { MaxUpdates = maxIterations, TargetReturn = target });

    /// <summary>Each agent trained by itself through train's path.</summary>
    private static TrainingOutcome[] OneAtATime(ComputeDevice device, IEnumerable<AgentSettings> agents, int maxIterations, double target) =>
        [.. agents.Select(a =>
        {
            using var trainer = new BatchedTrainer(device, Envs, Alone(a, maxIterations, target));
            return trainer.Train();
        })];

    private static IReadOnlyList<TrainingOutcome> Together(ComputeDevice device, IReadOnlyList<AgentSettings> agents, int maxIterations, double target)
    {
        using var trainer = new BatchedTrainer(device, new BatchSettings(Envs, 32, target, maxIterations, double.PositiveInfinity), agents);
        return trainer.TrainAll();
    }

    [Fact]
    public void Agents_trained_together_end_with_the_parameters_each_reaches_trained_alone_bit_for_bit()
    {
        var alone = OneAtATime(fixture.Device, Mixed, 5, double.PositiveInfinity);
        var together = Together(fixture.Device, Mixed, 5, double.PositiveInfinity);

        Assert.Equal(Mixed.Length, together.Count);
        for (int k = 0; k < Mixed.Length; k++)
        {
            Assert.Equal(5, together[k].Updates);
            Assert.Equal(alone[k].EnvSteps, together[k].EnvSteps);
            Assert.Equal(alone[k].FinalMeanReturn, together[k].FinalMeanReturn);
            Assert.Equal(alone[k].Policy.Values, together[k].Policy.Values);
        }
        // The agents really differ: otherwise equality would say nothing about who reads whose parameters.
        Assert.Equal(Mixed.Length, together.Select(o => o.Policy.Values[0]).Distinct().Count());
    }

    [Fact]
    public void An_agent_that_meets_the_target_stops_and_keeps_its_policy_while_the_others_go_on()
    {
        // A target that random policies meet within a few iterations, at different iterations per agent.
        const double target = 30;
        var alone = OneAtATime(fixture.Device, Mixed, 40, target);
        var together = Together(fixture.Device, Mixed, 40, target);

        for (int k = 0; k < Mixed.Length; k++)
        {
            Assert.Equal(alone[k].Solved, together[k].Solved);
            Assert.Equal(alone[k].Updates, together[k].Updates);
            Assert.Equal(alone[k].Policy.Values, together[k].Policy.Values);
        }
        Assert.True(together.Select(o => o.Updates).Distinct().Count() > 1, "every agent stopped at the same iteration: the test would prove nothing");
        Assert.Contains(together, o => o.Solved);
    }

    [Fact]
    public void An_agent_gets_the_same_bits_whatever_its_slot_in_the_batch()
    {
        var forward = Together(fixture.Device, Mixed, 3, double.PositiveInfinity);
        var reversed = Together(fixture.Device, [.. Mixed.Reverse()], 3, double.PositiveInfinity);
        for (int k = 0; k < Mixed.Length; k++)
            Assert.Equal(forward[k].Policy.Values, reversed[Mixed.Length - 1 - k].Policy.Values);
    }

    [Fact]
    public void A_batch_of_agents_gets_the_same_bits_whatever_the_CPU_accelerator_thread_count()
    {
        double[][] Train(CPUDevice cpu)
        {
            using var device = ComputeDevice.OpenCpu(cpu);
            return [.. Together(device, Mixed, 3, double.PositiveInfinity).Select(o => o.Policy.Values)];
        }

        var reference = Train(new CPUDevice(2, 1, 1));
        Assert.Equal(reference, Train(new CPUDevice(4, 4, 2)));
    }

    [Fact]
    public void Each_step_reports_every_training_agent_and_none_that_finished()
    {
        using var trainer = new BatchedTrainer(fixture.Device, new BatchSettings(Envs, 32, double.PositiveInfinity, 2, double.PositiveInfinity), Mixed);
        var first = trainer.Step();
        Assert.Equal(Enumerable.Range(0, Mixed.Length), first.Agents.Select(a => a.Agent));
        Assert.All(first.Agents, a => Assert.Equal(Envs, a.Report.Episodes));
        Assert.All(first.Agents, a => Assert.Equal(1, a.Report.Update));
        Assert.Equal(first.Agents.Sum(a => a.Report.EnvSteps), first.EnvSteps);
        trainer.Step();
        Assert.True(trainer.Finished);
        Assert.Empty(trainer.Step().Agents);
        Assert.All(trainer.States, s => Assert.Equal(2, s.Iteration));
    }
}
