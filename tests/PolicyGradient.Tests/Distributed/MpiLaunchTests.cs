using PolicyGradient.Distributed;

namespace PolicyGradient.Tests.Distributed;

public class MpiLaunchTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_process_started_without_a_launcher_is_alone()
    {
        Assert.Null(MpiLaunch.From(Environment()));
        Assert.Null(MpiLaunch.From(Environment(("SLURM_PROCID", "0"), ("SLURM_NTASKS", "4"))));
        Assert.Equal(DevicePlacement.Alone, DevicePlacement.For(null));
    }

    [Fact]
    public void Mpirun_and_srun_launches_are_read_from_their_variables()
    {
        var ompi = MpiLaunch.From(Environment(("OMPI_COMM_WORLD_SIZE", "4"), ("OMPI_COMM_WORLD_RANK", "3"),
            ("OMPI_COMM_WORLD_LOCAL_RANK", "1"), ("OMPI_COMM_WORLD_LOCAL_SIZE", "2")));
        Assert.Equal(new MpiLaunch(3, 4, 1, 2, "mpirun"), ompi);

        var srun = MpiLaunch.From(Environment(("SLURM_PROCID", "5"), ("SLURM_NTASKS", "8"), ("SLURM_LOCALID", "1"),
            ("SLURM_NNODES", "2"), ("PMIX_RANK", "5")));
        Assert.Equal(new MpiLaunch(5, 8, 1, 4, "srun"), srun);
    }

    [Theory]
    [InlineData(0, 2, 2, 1)]
    [InlineData(1, 2, 2, 1)]
    [InlineData(0, 3, 16, 6)]
    [InlineData(2, 3, 16, 5)]
    [InlineData(3, 4, 2, 1)]
    public void Ranks_on_a_node_split_its_cores(int localRank, int localSize, int cores, int expected) =>
        Assert.Equal(expected, new DevicePlacement(localRank, localSize).CpuCores(cores));

    [Fact]
    public void Ranks_on_a_node_take_its_gpus_in_turn()
    {
        Assert.Equal([0, 1, 0, 1, 0], Enumerable.Range(0, 5).Select(r => new DevicePlacement(r, 5).DeviceIndex(2)));
        Assert.Equal(0, new DevicePlacement(3, 4).DeviceIndex(0));
    }
}
