using System.Buffers.Binary;

namespace PolicyGradient.Checkpoints;

/// <summary>
/// One named tensor of a safetensors file: its element type, its shape (row-major, outermost
/// first; [] is a scalar) and its raw little-endian bytes.
/// </summary>
internal sealed class SafeTensor
{
    public SafeTensor(string name, TensorDType dtype, long[] shape, byte[] data)
    {
        if (shape.Any(d => d < 0))
            throw new ArgumentException($"tensor '{name}' has a negative dimension", nameof(shape));
        long count = ElementCount(shape) ?? throw new ArgumentException($"tensor '{name}' is too large", nameof(shape));
        if (count * dtype.Size() != data.Length)
            throw new ArgumentException($"tensor '{name}' of {dtype} {ShapeText(shape)} needs {count * dtype.Size()} bytes, got {data.Length}", nameof(data));
        Name = name;
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }
    public TensorDType DType { get; }
    public long[] Shape { get; }
    public byte[] Data { get; }
    public long Count => Data.Length / DType.Size();

    public static SafeTensor F32(string name, long[] shape, ReadOnlySpan<double> values)
    {
        var data = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), (float)values[i]);
        return new SafeTensor(name, TensorDType.F32, shape, data);
    }

    public static SafeTensor F64(string name, long[] shape, ReadOnlySpan<double> values)
    {
        var data = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * sizeof(double)), values[i]);
        return new SafeTensor(name, TensorDType.F64, shape, data);
    }

    public static SafeTensor ScalarF64(string name, double value) => F64(name, [], [value]);

    public static SafeTensor ScalarI64(string name, long value)
    {
        var data = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(data, value);
        return new SafeTensor(name, TensorDType.I64, [], data);
    }

    /// <summary>The values of an F32 or F64 tensor as float64 (F32 widens exactly).</summary>
    public double[] ToFloat64()
    {
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = DType switch
            {
                TensorDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(i * sizeof(float))),
                TensorDType.F64 => BinaryPrimitives.ReadDoubleLittleEndian(Data.AsSpan(i * sizeof(double))),
                _ => throw new InvalidDataException($"tensor '{Name}' is {DType}: must be F32 or F64"),
            };
        }
        return values;
    }

    public double ScalarFloat64()
    {
        RequireScalar(TensorDType.F64);
        return BinaryPrimitives.ReadDoubleLittleEndian(Data);
    }

    public long ScalarInt64()
    {
        RequireScalar(TensorDType.I64);
        return BinaryPrimitives.ReadInt64LittleEndian(Data);
    }

    /// <summary>Element count of a shape; null if it overflows a long.</summary>
    public static long? ElementCount(IEnumerable<long> shape)
    {
        long count = 1;
        foreach (long d in shape)
        {
            try
            {
                count = checked(count * d);
            }
            catch (OverflowException)
            {
                return null;
            }
        }
        return count;
    }

    public static string ShapeText(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    private void RequireScalar(TensorDType dtype)
    {
        if (DType != dtype || Shape.Length != 0)
            throw new InvalidDataException($"tensor '{Name}' is {DType} {ShapeText(Shape)}: must be a {dtype} scalar (shape [])");
    }
}
