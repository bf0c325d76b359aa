using System.Diagnostics;

namespace PolicyGradient.Tests.Cli;

/// <summary>
/// Random damage to a valid checkpoint: every load ends in a valid load (exit 0) or the designed
/// one-line refusal (exit 2), never a crash, a stack trace or a runtime failure.
/// </summary>
public class CheckpointFuzzTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    private const int Mutations = 2000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    [Fact]
    public void Thousands_of_mutated_checkpoints_load_or_are_refused_as_designed()
    {
        byte[] original = File.ReadAllBytes(trained.Checkpoint);
        var random = new Random(20261123);
        using var temp = new TempDirectory();
        string path = temp.Combine("checkpoint.safetensors");
        var clock = Stopwatch.StartNew();
        int tried = 0, refused = 0;
        for (; tried < Mutations && clock.Elapsed < Budget; tried++)
        {
            File.WriteAllBytes(path, Mutate(original, random));

            var run = CliRun.Of("eval", "--checkpoint", path, "--episodes", "1", "--out", temp.Combine("eval.json"));

            Assert.True(run.Exit is 0 or 2, $"mutation {tried}: exit {run.Exit}: {run.Stderr}");
            Assert.DoesNotContain("   at ", run.Stderr);
            if (run.Exit == 2)
            {
                refused++;
                Assert.StartsWith("pgvec: --checkpoint ", Assert.Single(run.StderrLines));
            }
        }
        Assert.True(tried >= 200, $"only {tried} mutations in {Budget.TotalSeconds} s");
        Assert.True(refused > tried / 2, $"{refused} of {tried} refused: the mutations barely damage the file");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a few bits anywhere
                for (int i = random.Next(1, 5); i > 0; i--)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1: // damage the header (length prefix and JSON)
                int headerEnd = Math.Min(bytes.Length, 8 + (int)BitConverter.ToUInt64(bytes, 0));
                for (int i = random.Next(1, 4); i > 0; i--)
                    bytes[random.Next(headerEnd)] = (byte)random.Next(256);
                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 3: // an absurd header length
                BitConverter.GetBytes(random.NextInt64()).CopyTo(bytes, 0);
                return bytes;
            default: // insert or append junk
                int at = random.Next(bytes.Length + 1);
                byte[] junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                return [.. bytes[..at], .. junk, .. bytes[at..]];
        }
    }
}
