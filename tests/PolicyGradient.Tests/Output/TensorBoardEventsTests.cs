using PolicyGradient.Hashing;
using System.Text;
using PolicyGradient.Output;
using PolicyGradient.Tests.Cli;

namespace PolicyGradient.Tests.Output;

public class TensorBoardEventsTests
{
    [Fact]
    public void Crc32C_matches_the_Castagnoli_check_value()
    {
        // The standard check value of CRC-32C for the ASCII digits 1-9.
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void Event_file_reads_back_record_by_record_with_valid_CRCs_version_first_then_scalars()
    {
        using var temp = new TempDirectory();
        string path;
        using (var events = new TensorBoardEvents(temp.Path))
        {
            path = events.Path;
            events.Scalar("charts/episodic_return", 6_000, 24.5f);
            events.Scalar("losses/entropy", 1L << 40, 0.69f);
        }

        Assert.StartsWith("events.out.tfevents.", Path.GetFileName(path));
        var read = TensorBoardReader.Read(path);
        Assert.Equal(3, read.Count);
        Assert.Equal("brain.Event:2", read[0].FileVersion);
        Assert.Equal(("charts/episodic_return", 6_000L, 24.5f), (read[1].Tag, read[1].Step, read[1].Value!.Value));
        Assert.Equal(("losses/entropy", 1L << 40, 0.69f), (read[2].Tag, read[2].Step, read[2].Value!.Value));
        double now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(read, e => Assert.InRange(e.WallTime, now - 60, now + 1));
    }

    [Fact]
    public void A_flipped_bit_fails_the_record_CRC()
    {
        using var temp = new TempDirectory();
        string path;
        using (var events = new TensorBoardEvents(temp.Path))
        {
            path = events.Path;
            events.Scalar("charts/SPS", 1, 1e6f);
        }
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => TensorBoardReader.Read(path));
    }
}
