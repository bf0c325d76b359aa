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

    [Fact]
    public void The_repository_copy_holds_the_references()
    {
        Assert.Equal(23, ReferenceData.Trajectories.Count());
        Assert.Equal(6, ReferenceData.PolicyCases.Count());
    }

    [Fact]
    public void The_copy_embedded_for_selftest_equals_the_repository_copy()
    {
        foreach (string name in ReferenceData.FileNames)
            Assert.True(PolicyGradient.SelfTest.EmbeddedReferences.Bytes(name).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ReferenceData.Directory, name))), $"the embedded {name} differs from tests/data/{name}");
    }
}
