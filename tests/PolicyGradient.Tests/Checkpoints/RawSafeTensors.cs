using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace PolicyGradient.Tests.Checkpoints;

/// <summary>
/// A safetensors file taken apart by hand, straight from the format's description and
/// independent of the reader under test: the length prefix, the JSON header (with its padding
/// checked), and each tensor's entry and bytes.
/// </summary>
public sealed class RawSafeTensors
{
    public sealed record Entry(string DType, long[] Shape, long Begin, long End);

    public RawSafeTensors(byte[] bytes)
    {
        Bytes = bytes;
        HeaderLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.True(HeaderLength % 8 == 0, $"header length {HeaderLength} is not a multiple of 8");
        Assert.True(8 + (long)HeaderLength <= bytes.Length, "the header runs past the file");
        HeaderText = Encoding.UTF8.GetString(bytes, 8, (int)HeaderLength);
        string json = HeaderText.TrimEnd(' ');
        Assert.True(HeaderText.Length - json.Length < 8, "more padding than alignment needs");
        Assert.EndsWith("}", json);
        using var document = JsonDocument.Parse(json);
        foreach (JsonProperty p in document.RootElement.EnumerateObject())
        {
            Names.Add(p.Name);
            if (p.Name == "__metadata__")
            {
                Metadata = p.Value.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString()!);
                continue;
            }
            Assert.Equal(["dtype", "shape", "data_offsets"], p.Value.EnumerateObject().Select(f => f.Name));
            long[] offsets = p.Value.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
            Entries[p.Name] = new Entry(
                p.Value.GetProperty("dtype").GetString()!,
                p.Value.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray(),
                offsets[0], offsets[1]);
        }
    }

    public static RawSafeTensors Of(string path) => new(File.ReadAllBytes(path));

    public byte[] Bytes { get; }
    public ulong HeaderLength { get; }
    public string HeaderText { get; }
    /// <summary>Every top-level key in file order, __metadata__ included.</summary>
    public List<string> Names { get; } = [];
    public Dictionary<string, Entry> Entries { get; } = [];
    public Dictionary<string, string> Metadata { get; } = [];
    public int DataStart => 8 + (int)HeaderLength;

    public ReadOnlySpan<byte> Data(string name) =>
        Bytes.AsSpan(DataStart + (int)Entries[name].Begin, (int)(Entries[name].End - Entries[name].Begin));

    public float[] Floats(string name)
    {
        Assert.Equal("F32", Entries[name].DType);
        byte[] data = Data(name).ToArray();
        return Enumerable.Range(0, data.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(i * 4))).ToArray();
    }

    public double[] Doubles(string name)
    {
        Assert.Equal("F64", Entries[name].DType);
        byte[] data = Data(name).ToArray();
        return Enumerable.Range(0, data.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(i * 8))).ToArray();
    }

    public long Int64(string name)
    {
        Assert.Equal("I64", Entries[name].DType);
        Assert.Empty(Entries[name].Shape);
        Assert.Equal(8, Entries[name].End - Entries[name].Begin);
        return BinaryPrimitives.ReadInt64LittleEndian(Data(name));
    }

    public void AssertEntry(string name, string dtype, long[] shape, long begin, long end)
    {
        Entry entry = Entries[name];
        Assert.Equal((dtype, begin, end), (entry.DType, entry.Begin, entry.End));
        Assert.Equal(shape, entry.Shape);
    }

    /// <summary>The format's own invariants: the offsets tile the data exactly, each tensor aligned to its element size.</summary>
    public void AssertWellFormed()
    {
        long expected = 0;
        foreach (var entry in Entries.Values.OrderBy(e => e.Begin))
        {
            Assert.Equal(expected, entry.Begin);
            int size = entry.DType switch { "F64" or "I64" => 8, "F32" => 4, _ => throw new Xunit.Sdk.XunitException($"unexpected dtype {entry.DType}") };
            Assert.Equal(entry.Shape.Aggregate(1L, (a, d) => a * d) * size, entry.End - entry.Begin);
            Assert.Equal(0, (DataStart + entry.Begin) % size);
            expected = entry.End;
        }
        Assert.Equal(Bytes.Length - DataStart, expected);
    }
}
