using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyGradient.Output;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N,
/// N bytes of UTF-8 JSON mapping each tensor name to its dtype, shape and data_offsets (begin and
/// end, relative to the data that follows the header), an optional "__metadata__" map of strings,
/// then the raw little-endian data. Like the reference writer, the header is padded with spaces
/// to a multiple of 8 bytes and tensors are laid out widest dtype first, then by name, so every
/// tensor's data is aligned. The reader is strict and bounded: every length and offset is checked
/// against the file before anything is allocated from it, and the offsets must tile the data
/// exactly. Problems with the content are <see cref="InvalidDataException"/>s naming the first one.
/// </summary>
internal sealed class SafeTensorsFile
{
    public const string MetadataKey = "__metadata__";

    /// <summary>Far above any policy or checkpoint pgvec reads (a 4-1024-2 checkpoint is under 200 KB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private const int HeaderLengthBytes = 8;
    private const int Alignment = 8;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public SafeTensorsFile(IEnumerable<SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var byName = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (SafeTensor tensor in tensors)
        {
            if (tensor.Name == MetadataKey)
                throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor");
            if (!byName.TryAdd(tensor.Name, tensor))
                throw new ArgumentException($"two tensors are named '{tensor.Name}'");
        }
        Tensors = byName;
        Metadata = metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, SafeTensor> Tensors { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor of this name, or an error naming what is missing.</summary>
    public SafeTensor Tensor(string name) =>
        Tensors.TryGetValue(name, out SafeTensor? tensor) ? tensor : throw new InvalidDataException($"it has no tensor '{name}'");

    public void Write(string path) => AtomicFile.WriteAllBytes(path, ToBytes());

    public byte[] ToBytes()
    {
        var ordered = Tensors.Values
            .OrderByDescending(t => t.DType)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = Encoder }))
        {
            writer.WriteStartObject();
            if (Metadata.Count > 0)
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                    writer.WriteString(key, value);
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (SafeTensor tensor in ordered)
            {
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", tensor.DType.ToString());
                writer.WriteStartArray("shape");
                foreach (long d in tensor.Shape)
                    writer.WriteNumberValue(d);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset += tensor.Data.Length);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }

        int headerLength = (int)json.Length;
        int padding = (Alignment - headerLength % Alignment) % Alignment;
        long dataLength = ordered.Sum(t => (long)t.Data.Length);
        var bytes = new byte[HeaderLengthBytes + headerLength + padding + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(headerLength + padding));
        json.GetBuffer().AsSpan(0, headerLength).CopyTo(bytes.AsSpan(HeaderLengthBytes));
        bytes.AsSpan(HeaderLengthBytes + headerLength, padding).Fill((byte)' ');
        int position = HeaderLengthBytes + headerLength + padding;
        foreach (SafeTensor tensor in ordered)
        {
            tensor.Data.CopyTo(bytes.AsSpan(position));
            position += tensor.Data.Length;
        }
        return bytes;
    }

    /// <summary>Reads a file; a missing file is a <see cref="FileNotFoundException"/>, a bad one an <see cref="InvalidDataException"/>.</summary>
    public static SafeTensorsFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        if (stream.Length > MaxFileBytes)
            throw new InvalidDataException($"it is {stream.Length} bytes, more than the {MaxFileBytes} a policy or checkpoint may have");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes);
    }

    public static SafeTensorsFile Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLengthBytes)
            throw new InvalidDataException($"it is {bytes.Length} bytes, too short for the 8-byte header length of a safetensors file");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - HeaderLengthBytes))
            throw new InvalidDataException($"its header length {headerLength} is larger than the {bytes.Length - HeaderLengthBytes} bytes after it: not a safetensors file, or a truncated one");
        ReadOnlySpan<byte> header = bytes.Slice(HeaderLengthBytes, (int)headerLength);
        ReadOnlySpan<byte> data = bytes[(HeaderLengthBytes + (int)headerLength)..];
        if (header.IsEmpty || header[0] != (byte)'{')
            throw new InvalidDataException("its header does not start with '{': not a safetensors file");
        // JsonDocument checks UTF-8 only when a string is read; check it here, once, up front.
        if (!System.Text.Unicode.Utf8.IsValid(header))
            throw new InvalidDataException("its header is not valid UTF-8");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"its header is not valid JSON ({e.Message.Split('.')[0]})");
        }
        using (document)
        {
            Dictionary<string, string>? metadata = null;
            var entries = new List<(string Name, TensorDType DType, long[] Shape, long Begin, long End)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                    throw new InvalidDataException($"its header names '{property.Name}' twice");
                if (property.Name == MetadataKey)
                    metadata = ParseMetadata(property.Value);
                else
                    entries.Add(ParseEntry(property.Name, property.Value));
            }

            // The offsets, taken in order, must cover the data exactly: no gap, no overlap, nothing after.
            var tensors = new List<SafeTensor>(entries.Count);
            long expectedBegin = 0;
            foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
            {
                if (entry.Begin != expectedBegin)
                    throw new InvalidDataException($"tensor '{entry.Name}' starts at byte {entry.Begin} of the data, expected {expectedBegin}: the data offsets leave a gap or overlap");
                if (entry.End > data.Length)
                    throw new InvalidDataException($"tensor '{entry.Name}' ends at byte {entry.End} of the data, but the data has {data.Length} bytes: a truncated file");
                long? count = SafeTensor.ElementCount(entry.Shape);
                long length = entry.End - entry.Begin;
                if (count is null || count > length || count * entry.DType.Size() != length)
                    throw new InvalidDataException($"tensor '{entry.Name}' of {entry.DType} {SafeTensor.ShapeText(entry.Shape)} does not fit its {length} bytes");
                tensors.Add(new SafeTensor(entry.Name, entry.DType, entry.Shape, data[(int)entry.Begin..(int)entry.End].ToArray()));
                expectedBegin = entry.End;
            }
            if (expectedBegin != data.Length)
                throw new InvalidDataException($"its tensors cover {expectedBegin} bytes of data, but {data.Length} follow the header");
            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static Dictionary<string, string> ParseMetadata(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"its '{MetadataKey}' is not a JSON object");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"its '{MetadataKey}' entry '{item.Name}' is not a string");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw new InvalidDataException($"its '{MetadataKey}' names '{item.Name}' twice");
        }
        return metadata;
    }

    private static (string Name, TensorDType DType, long[] Shape, long Begin, long End) ParseEntry(string name, JsonElement value)
    {
        string Problem(string what) => $"tensor '{name}' {what}";
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException(Problem("is not described by a JSON object"));
        TensorDType? dtype = null;
        long[]? shape = null, offsets = null;
        foreach (JsonProperty field in value.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype" when dtype is null:
                    dtype = field.Value.ValueKind == JsonValueKind.String ? TensorDTypes.Parse(field.Value.GetString()!) : null;
                    if (dtype is null)
                        throw new InvalidDataException(Problem($"has dtype {field.Value.GetRawText()}, which safetensors does not define"));
                    break;
                case "shape" when shape is null:
                    shape = Integers(field.Value) ?? throw new InvalidDataException(Problem("has a shape that is not a list of non-negative integers"));
                    break;
                case "data_offsets" when offsets is null:
                    offsets = Integers(field.Value);
                    if (offsets is not [var begin, var end] || end < begin)
                        throw new InvalidDataException(Problem("has data_offsets that are not [begin, end] with begin <= end"));
                    break;
                default:
                    throw new InvalidDataException(Problem($"has an unexpected or repeated field '{field.Name}'"));
            }
        }
        if (dtype is null || shape is null || offsets is null)
            throw new InvalidDataException(Problem("lacks one of dtype, shape and data_offsets"));
        return (name, dtype.Value, shape, offsets[0], offsets[1]);
    }

    /// <summary>A JSON array of non-negative integers that fit a long; null otherwise.</summary>
    private static long[]? Integers(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return null;
        var result = new long[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out result[i]) || result[i] < 0)
                return null;
            i++;
        }
        return result;
    }
}
