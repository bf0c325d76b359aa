using PolicyGradient.Output;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Output;

public class AtomicFileTests
{
    [Fact]
    public void Writes_the_whole_text_creating_the_directory_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("run", "summary.json");

        AtomicFile.WriteAllText(path, "{\"solved\": true}\n");

        Assert.Equal("{\"solved\": true}\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Combine("run")));
    }

    [Fact]
    public void Replaces_an_existing_file_whole()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("summary.json");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}

public class AtomicFileFailureTests
{
    [Fact]
    public void A_writer_that_fails_leaves_the_previous_file_and_no_temporary_file()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("learning-curve.png");
        File.WriteAllText(path, "previous");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }
}
