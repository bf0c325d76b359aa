using PolicyGradient.Hashing;
using System.Buffers.Binary;
using System.Text;

namespace PolicyGradient.Output;

/// <summary>
/// A TensorBoard event file (events.out.tfevents.*): TFRecord frames (length, masked CRC-32C of
/// the length, data, masked CRC-32C of the data) each holding one tensorflow.Event protobuf.
/// The first event carries the file version; every other one a scalar summary. Records are
/// flushed as written, so TensorBoard shows a run while it trains; a reader detects a torn
/// last record by its CRC.
/// </summary>
internal sealed class TensorBoardEvents : IDisposable
{
    private const string FileVersion = "brain.Event:2";
    private static int _filesOpened;
    private readonly FileStream _stream;

    public TensorBoardEvents(string directory)
    {
        Directory.CreateDirectory(directory);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // As PyTorch's SummaryWriter names them: a resumed run adds a second file to the same
        // directory, possibly within the same second, and TensorBoard reads every one of them.
        int uid = Interlocked.Increment(ref _filesOpened);
        Path = System.IO.Path.Combine(directory, $"events.out.tfevents.{now}.{System.Environment.MachineName}.{System.Environment.ProcessId}.{uid}");
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var evt = new ProtobufWriter();
        evt.Double(1, WallTime());
        evt.Bytes(3, Encoding.UTF8.GetBytes(FileVersion));
        WriteRecord(evt.ToArray());
    }

    public string Path { get; }

    /// <summary>One scalar at a step, as tf.summary.scalar / SummaryWriter.add_scalar write it.</summary>
    public void Scalar(string tag, long step, float value)
    {
        var summaryValue = new ProtobufWriter();
        summaryValue.Bytes(1, Encoding.UTF8.GetBytes(tag));
        summaryValue.Float(2, value);
        var summary = new ProtobufWriter();
        summary.Bytes(1, summaryValue.ToArray());
        var evt = new ProtobufWriter();
        evt.Double(1, WallTime());
        evt.Varint(2, (ulong)step);
        evt.Bytes(5, summary.ToArray());
        WriteRecord(evt.ToArray());
    }

    public void Flush() => _stream.Flush();

    private void WriteRecord(byte[] data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(data));
        _stream.Write(header);
        _stream.Write(data);
        _stream.Write(footer);
    }

    private static double WallTime() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    public void Dispose() => _stream.Dispose();

    /// <summary>The few protobuf wire types an Event needs.</summary>
    private sealed class ProtobufWriter
    {
        private readonly MemoryStream _buffer = new();

        public void Varint(int field, ulong value)
        {
            Tag(field, 0);
            RawVarint(value);
        }

        public void Double(int field, double value)
        {
            Tag(field, 1);
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(b, value);
            _buffer.Write(b);
        }

        public void Float(int field, float value)
        {
            Tag(field, 5);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(b, value);
            _buffer.Write(b);
        }

        public void Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            RawVarint((ulong)value.Length);
            _buffer.Write(value);
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

        private void RawVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.WriteByte((byte)value);
        }
    }
}
