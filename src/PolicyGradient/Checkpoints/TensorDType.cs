namespace PolicyGradient.Checkpoints;

/// <summary>
/// The safetensors element types, declared in the reference implementation's order: its writer
/// puts tensors of later types first, so every tensor's data starts aligned to its element size
/// (the header is padded to 8 bytes). Our writer keeps that order, so its files lay out their
/// data as the reference's would.
/// </summary>
internal enum TensorDType
{
    BOOL,
    U8,
    I8,
    F8_E5M2,
    F8_E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    F64,
    I64,
    U64,
}

internal static class TensorDTypes
{
    public static int Size(this TensorDType dtype) => dtype switch
    {
        TensorDType.BOOL or TensorDType.U8 or TensorDType.I8 or TensorDType.F8_E5M2 or TensorDType.F8_E4M3 => 1,
        TensorDType.I16 or TensorDType.U16 or TensorDType.F16 or TensorDType.BF16 => 2,
        TensorDType.I32 or TensorDType.U32 or TensorDType.F32 => 4,
        TensorDType.F64 or TensorDType.I64 or TensorDType.U64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The dtype a header names, e.g. "F32"; null for a name the format does not define.</summary>
    public static TensorDType? Parse(string name) =>
        Enum.TryParse(name, ignoreCase: false, out TensorDType dtype) && Enum.IsDefined(dtype) && dtype.ToString() == name
            ? dtype
            : null;
}
