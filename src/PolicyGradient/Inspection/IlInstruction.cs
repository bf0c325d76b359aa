using System.Reflection;
using System.Reflection.Emit;

namespace PolicyGradient.Inspection;

/// <summary>One IL instruction of a method body: its opcode and operand (a called method, a field, or a constant), resolved.</summary>
internal readonly record struct IlInstruction(OpCode OpCode, object? Operand)
{
    /// <summary>
    /// The instructions of <paramref name="method"/>'s body, in order; none for a method without
    /// one (abstract, extern, a runtime intrinsic). Tokens are resolved in the method's generic
    /// context; one that does not resolve is left null.
    /// </summary>
    public static IReadOnlyList<IlInstruction> Of(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            return [];
        Type[] typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : [];
        Type[] methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        var instructions = new List<IlInstruction>();
        int at = 0;
        while (at < il.Length)
        {
            OpCode op = il[at] == 0xFE ? TwoByte[il[at + 1]] : OneByte[il[at]];
            at += op.Size;
            object? operand = null;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    operand = op.OperandType == OperandType.ShortInlineI ? (long)(sbyte)il[at] : il[at];
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8:
                    operand = BitConverter.ToInt64(il, at);
                    at += 8;
                    break;
                case OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                case OperandType.InlineI:
                    operand = (long)BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    operand = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    at += 4;
                    break;
                default:
                    // InlineBrTarget, InlineSig, InlineString, InlineType, ShortInlineR: 4-byte operands not needed here.
                    at += 4;
                    break;
            }
            instructions.Add(new IlInstruction(op, operand));
        }
        return instructions;
    }

    /// <summary>The integer this instruction pushes, where it pushes a constant (ldc.i4.*, ldc.i8).</summary>
    public long? Constant => OpCode.Value switch
    {
        >= 0x15 and <= 0x1E => OpCode.Value - 0x16, // ldc.i4.m1 .. ldc.i4.8
        0x1F or 0x20 or 0x21 => (long?)Operand,   // ldc.i4.s, ldc.i4, ldc.i8
        _ => null,
    };

    /// <summary>Whether this instruction calls (call, callvirt, newobj) a method.</summary>
    public MethodBase? Called => OpCode.FlowControl == FlowControl.Call || OpCode == OpCodes.Newobj ? Operand as MethodBase : null;

    private static object? Resolve(Module module, int token, Type[] typeArguments, Type[] methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException or FileNotFoundException)
        {
            return null;
        }
    }

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static IlInstruction()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            if (op.Size == 1)
                OneByte[(byte)op.Value] = op;
            else
                TwoByte[(byte)(op.Value & 0xFF)] = op;
        }
    }
}
