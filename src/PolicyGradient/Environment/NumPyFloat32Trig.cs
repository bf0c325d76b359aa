namespace PolicyGradient.Environment;

/// <summary>
/// NumPy's float32 sin and cos (numpy/_core/src/umath/loops_trigonometric.dispatch.cpp, the
/// FMA3 path): Cody-Waite reduction by pi/2 and minimax polynomials with fused multiply-adds.
/// Not correctly rounded, so it differs from (float)Math.Cos((double)x) for some inputs; Gymnasium
/// applies it to Acrobot's float32 reset state. Transcribed from the shared SEMANTICS.md, section 2.5.
/// </summary>
internal static class NumPyFloat32Trig
{
    private static readonly float TwoOverPi = F(0x3f22f983), Magic = F(0x4b400000);
    private static readonly float PiOver2High = F(0xbfc90fd8), PiOver2Mid = F(0xb4a8885a), PiOver2Low = F(0xa7c234c4);
    private static readonly float C8 = F(0x37cc730b), C6 = F(0xbab6036e), C4 = F(0x3d2aaa9e);
    private static readonly float S9 = F(0x363e9dde), S7 = F(0xb95035dd), S5 = F(0x3c0888cd), S3 = F(0xbe2aaaab);
    // Beyond these NumPy falls back to the C library (71476.0625f, 117435.992f).
    private static readonly float MaxCosArgument = F(0x478b9a08), MaxSinArgument = F(0x47e55dff);

    public static float Cos(float x) => SinOrCos(x, cos: true);

    public static float Sin(float x) => SinOrCos(x, cos: false);

    private static float SinOrCos(float x, bool cos)
    {
        if (float.IsNaN(x))
            return float.NaN;
        if (!(MathF.Abs(x) <= (cos ? MaxCosArgument : MaxSinArgument)))
            return cos ? MathF.Cos(x) : MathF.Sin(x);
        // NumPy's source multiplies then adds; its compiled kernels fuse the two.
        float q = Fma(x, TwoOverPi, Magic) - Magic;
        float r = Fma(q, PiOver2High, x);
        r = Fma(q, PiOver2Mid, r);
        r = Fma(q, PiOver2Low, r);
        float r2 = r * r;
        float c = Fma(C8, r2, C6);
        c = Fma(c, r2, C4);
        c = Fma(c, r2, -0.5f);
        c = Fma(c, r2, 1f);
        float s = Fma(S9, r2, S7);
        s = Fma(s, r2, S5);
        s = Fma(s, r2, S3);
        s = Fma(s, r2, 0f);
        s = Fma(s, r, r);
        int quadrant = (int)q + (cos ? 1 : 0);
        float result = (quadrant & 1) == 0 ? s : c;
        return (quadrant & 2) == 2 ? 0f - result : result;
    }

    private static float Fma(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    private static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);
}
