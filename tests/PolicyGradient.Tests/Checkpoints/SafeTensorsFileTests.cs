using System.Buffers.Binary;
using System.Text;
using PolicyGradient.Checkpoints;

namespace PolicyGradient.Tests.Checkpoints;

public class SafeTensorsFileTests
{
    private static readonly double[] ZeroToFive = [0, 1, 2, 3, 4, 5];

    /// <summary>8-byte little-endian length, the header text, then the data: the file as the format describes it.</summary>
    private static byte[] FileOf(string header, params byte[] data)
    {
        byte[] text = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + text.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)text.Length);
        text.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + text.Length);
        return bytes;
    }

    private static byte[] FloatBytes(params float[] values) =>
        values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    // The reference implementation's own serialisation examples (huggingface/safetensors, tensor.rs tests).
    [Fact]
    public void Writes_the_reference_implementations_example_byte_for_byte()
    {
        var file = new SafeTensorsFile([SafeTensor.F32("attn.0", [1, 2, 3], ZeroToFive)]);

        byte[] expected = FileOf("""{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}""", FloatBytes(0, 1, 2, 3, 4, 5));

        Assert.Equal(64UL, BinaryPrimitives.ReadUInt64LittleEndian(expected));
        Assert.Equal(expected, file.ToBytes());
    }

    [Fact]
    public void Pads_the_header_with_spaces_to_a_multiple_of_8_as_the_reference_does()
    {
        var file = new SafeTensorsFile([SafeTensor.F32("attn0", [1, 1, 2, 3], ZeroToFive)]);

        byte[] expected = FileOf("""{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}""" + "       ", FloatBytes(0, 1, 2, 3, 4, 5));

        Assert.Equal(72UL, BinaryPrimitives.ReadUInt64LittleEndian(expected));
        Assert.Equal(expected, file.ToBytes());
    }

    [Fact]
    public void Writes_an_empty_file_and_metadata_alone_as_the_reference_does()
    {
        Assert.Equal(FileOf("{}      "), new SafeTensorsFile([]).ToBytes());
        Assert.Equal(FileOf("""{"__metadata__":{"framework":"pt"}}""" + "     "),
            new SafeTensorsFile([], new Dictionary<string, string> { ["framework"] = "pt" }).ToBytes());
    }

    [Fact]
    public void Lays_out_wide_dtypes_first_then_by_name_so_every_tensor_is_aligned_and_metadata_leads_the_header()
    {
        var file = new SafeTensorsFile(
            [
                SafeTensor.F32("b", [3], [1, 2, 3]),
                SafeTensor.F64("a", [2, 1], [0.1, -0.2]),
                SafeTensor.F32("a32", [1], [7]),
                SafeTensor.ScalarI64("step", 42),
            ],
            new Dictionary<string, string> { ["z"] = "last", ["format"] = "pt" });

        var raw = new RawSafeTensors(file.ToBytes());

        raw.AssertWellFormed();
        Assert.Equal(["__metadata__", "step", "a", "a32", "b"], raw.Names);
        raw.AssertEntry("step", "I64", [], 0, 8);
        raw.AssertEntry("a", "F64", [2, 1], 8, 24);
        raw.AssertEntry("a32", "F32", [1], 24, 28);
        raw.AssertEntry("b", "F32", [3], 28, 40);
        Assert.Equal(42, raw.Int64("step"));
        Assert.Equal([0.1, -0.2], raw.Doubles("a"));
        Assert.Equal([1f, 2f, 3f], raw.Floats("b"));
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt", ["z"] = "last" }, raw.Metadata);
    }

    [Fact]
    public void Round_trips_names_dtypes_shapes_values_and_metadata()
    {
        var written = new SafeTensorsFile(
            [SafeTensor.F64("x", [3], [Math.PI, -0.0, double.Epsilon]), SafeTensor.F32("y", [1, 2], [1.5, -2.5]), SafeTensor.ScalarI64("n", long.MinValue)],
            new Dictionary<string, string> { ["note"] = "ünïcode \"quoted\" <tag>" });

        SafeTensorsFile read = SafeTensorsFile.Parse(written.ToBytes());

        Assert.Equal(["n", "x", "y"], read.Tensors.Keys.Order());
        Assert.Equal(written.Metadata, read.Metadata);
        foreach (SafeTensor tensor in written.Tensors.Values)
        {
            SafeTensor back = read.Tensor(tensor.Name);
            Assert.Equal(tensor.DType, back.DType);
            Assert.Equal(tensor.Shape, back.Shape);
            Assert.Equal(tensor.Data, back.Data);
        }
        Assert.Equal(long.MinValue, read.Tensor("n").ScalarInt64());
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        // what the one-line message says, the whole file
        { "too short for the 8-byte header length", [1, 2, 3] },
        { "header length 2 is larger than the 1 bytes after it", FileOf("{}")[..^1] },
        { "header length 18446744073709551615 is larger", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'{', (byte)'}'] },
        { "not valid JSON", FileOf("{not json}") },
        { "does not start with '{'", FileOf("[1, 2]") },
        { "dtype \"F33\", which safetensors does not define", FileOf("""{"a":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}""", 0, 0, 0, 0) },
        { "of F32 [2] does not fit its 4 bytes", FileOf("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", 0, 0, 0, 0) },
        { "starts at byte 4 of the data, expected 0", FileOf("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 0, 0, 0, 0, 0, 0, 0, 0) },
        { "starts at byte 0 of the data, expected 4", FileOf("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 0, 0, 0, 0) },
        { "ends at byte 8 of the data, but the data has 4 bytes", FileOf("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 0, 0, 0, 0) },
        { "cover 4 bytes of data, but 5 follow the header", FileOf("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 0, 0, 0, 0, 9) },
        { "not [begin, end] with begin <= end", FileOf("""{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}""") },
        { "shape that is not a list of non-negative integers", FileOf("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", 0, 0, 0, 0) },
        { "of F64 [4611686018427387904, 4] does not fit its 8 bytes", FileOf("""{"a":{"dtype":"F64","shape":[4611686018427387904,4],"data_offsets":[0,8]}}""", 0, 0, 0, 0, 0, 0, 0, 0) },
        { "lacks one of dtype, shape and data_offsets", FileOf("""{"a":{"dtype":"F32","shape":[1]}}""") },
        { "unexpected or repeated field 'x'", FileOf("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}""", 0, 0, 0, 0) },
        { "names 'a' twice", FileOf("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 0, 0, 0, 0) },
        { "entry 'n' is not a string", FileOf("""{"__metadata__":{"n":1}}""") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Refuses_a_malformed_file_with_one_line_naming_the_first_problem(string fragment, byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Parse(bytes));
        Assert.Contains(fragment, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Refuses_a_file_larger_than_any_checkpoint_before_reading_it()
    {
        string path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path))
                stream.SetLength(SafeTensorsFile.MaxFileBytes + 1);
            var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Read(path));
            Assert.Contains("more than the", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
