namespace PolicyGradient.Tests;

public class ReferenceDataCopyTests
{
    [SkippableFact]
    public void The_repository_copy_equals_the_shared_reference_data_byte_for_byte()
    {
        string? shared = ReferenceData.SharedSource;
        Skip.If(shared is null, "../shared/testdata is not beside this clone; the copy in tests/data is used as it is");
        foreach (string name in ReferenceData.FileNames)
            Assert.True(File.ReadAllBytes(Path.Combine(shared!, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ReferenceData.Directory, name))), $"tests/data/{name} differs from {shared}/{name}");
    }

    [SkippableFact]
    public void The_repository_copy_of_the_Gymnasium_folder_equals_the_shared_one_file_for_file()
    {
        string? shared = ReferenceData.SharedSource;
        Skip.If(shared is null, "../shared/testdata is not beside this clone; the copy in tests/data is used as it is");
        string sharedFolder = Path.Combine(shared!, ReferenceData.GymnasiumFolder);
        string copyFolder = Path.Combine(ReferenceData.Directory, ReferenceData.GymnasiumFolder);
        string[] names = System.IO.Directory.GetFiles(sharedFolder).Select(Path.GetFileName).Order().ToArray()!;
        // The copy keeps the large records gzip-compressed (NAME.json.gz): the same bytes once decompressed.
        string Uncompressed(string file) => file.EndsWith(PolicyGradient.SelfTest.CompressedReference.Extension) ? file[..^PolicyGradient.SelfTest.CompressedReference.Extension.Length] : file;
        Assert.Equal(names, System.IO.Directory.GetFiles(copyFolder).Select(f => Uncompressed(Path.GetFileName(f))).Order().ToArray());
        foreach (string name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(sharedFolder, name)).AsSpan().SequenceEqual(ReferenceData.Bytes(Path.Combine(ReferenceData.GymnasiumFolder, name))), $"tests/data/gymnasium/{name} differs from {sharedFolder}/{name}");
    }

    [Fact]
    public void The_repository_copy_holds_the_references()
    {
        Assert.Equal(23, ReferenceData.Trajectories.Count());
        Assert.Equal(6, ReferenceData.PolicyCases.Count());
        Assert.Equal(9, ReferenceData.GeneralPolicyCases.Count());
        foreach (string id in new[] { "CartPole-v1", "Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1" })
            Assert.Equal(id, ReferenceData.GymnasiumFile(id).GetProperty("env_id").GetString());
    }

    [Fact]
    public void The_copy_embedded_for_selftest_equals_the_repository_copy()
    {
        var embedded = PolicyGradient.SelfTest.EmbeddedReferences.Files;
        // Every top-level reference and every file a built-in environment's step check reads.
        Assert.Superset(ReferenceData.FileNames.Concat(PolicyGradient.SelfTest.DeviceStepReferences.All.SelectMany(r => r.Files)).ToHashSet(), embedded.ToHashSet());
        foreach (string name in embedded)
            Assert.True(PolicyGradient.SelfTest.EmbeddedReferences.Bytes(name).AsSpan().SequenceEqual(ReferenceData.Bytes(name)), $"the embedded {name} differs from tests/data/{name}");
    }
}
