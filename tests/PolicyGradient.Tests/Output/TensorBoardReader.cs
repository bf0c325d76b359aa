using PolicyGradient.Hashing;
using System.Buffers.Binary;
using System.Text;
using PolicyGradient.Output;

namespace PolicyGradient.Tests.Output;

/// <summary>
/// An independent reader of TFRecord event files for tests: checks both CRCs of every record and
/// decodes the few Event fields pgvec writes, straight from the protobuf wire format.
/// </summary>
public static class TensorBoardReader
{
    public sealed record Event(double WallTime, long Step, string? FileVersion, string? Tag, float? Value);

    public static List<Event> Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        var events = new List<Event>();
        int at = 0;
        while (at < file.Length)
        {
            Assert.True(at + 12 <= file.Length, $"truncated record header at byte {at}");
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            Assert.Equal(Crc32C.Masked(file.AsSpan(at, 8)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)));
            at += 12;
            Assert.True(at + (int)length + 4 <= file.Length, $"truncated record at byte {at}");
            var data = file.AsSpan(at, (int)length);
            Assert.Equal(Crc32C.Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + (int)length)));
            events.Add(Decode(data));
            at += (int)length + 4;
        }
        return events;
    }

    private static Event Decode(ReadOnlySpan<byte> data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null, tag = null;
        float? value = null;
        foreach (var (field, wire, payload, number) in Fields(data.ToArray()))
        {
            switch (field, wire)
            {
                case (1, 1): wallTime = BitConverter.Int64BitsToDouble((long)number); break;
                case (2, 0): step = (long)number; break;
                case (3, 2): version = Encoding.UTF8.GetString(payload!); break;
                case (5, 2):
                    foreach (var (f, w, summaryValue, _) in Fields(payload!))
                    {
                        Assert.Equal((1, 2), (f, w));
                        foreach (var (vf, vw, vp, vn) in Fields(summaryValue!))
                        {
                            if ((vf, vw) == (1, 2)) tag = Encoding.UTF8.GetString(vp!);
                            else if ((vf, vw) == (2, 5)) value = BitConverter.Int32BitsToSingle((int)vn);
                            else Assert.Fail($"unexpected Summary.Value field {vf}");
                        }
                    }
                    break;
                default: Assert.Fail($"unexpected Event field {field} (wire type {wire})"); break;
            }
        }
        return new Event(wallTime, step, version, tag, value);
    }

    /// <summary>(field, wire type, bytes for length-delimited, number for varint/fixed).</summary>
    private static IEnumerable<(int Field, int Wire, byte[]? Payload, ulong Number)> Fields(byte[] data)
    {
        int at = 0;
        while (at < data.Length)
        {
            ulong key = Varint(data, ref at);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0: yield return (field, wire, null, Varint(data, ref at)); break;
                case 1: yield return (field, wire, null, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at))); at += 8; break;
                case 5: yield return (field, wire, null, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at))); at += 4; break;
                case 2:
                    int length = (int)Varint(data, ref at);
                    yield return (field, wire, data[at..(at + length)], 0);
                    at += length;
                    break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
    }
}
