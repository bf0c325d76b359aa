using System.Reflection;
using System.Text.RegularExpressions;
using PolicyGradient.Inspection;
using PolicyGradient.Kernels;

namespace PolicyGradient.Devices;

/// <summary>
/// An environment whose kernels ILGPU cannot compile (or which holds a class, which no kernel can
/// take), said in one line: the environment's member, what it does, and what to write instead.
/// </summary>
/// <param name="message">The line.</param>
/// <param name="inner">ILGPU's own exception, where it threw one.</param>
public sealed class EnvironmentCompileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What ILGPU 1.5.3 cannot compile in an environment struct, turned from its compiler's
/// exceptions (an InternalCompilerException naming the methods it was compiling, around a
/// NotSupportedException saying why) into one line naming the environment's own member and what
/// to write instead. The README's "Writing an environment" lists the same rules.
/// </summary>
internal static partial class EnvironmentCompileErrors
{
    /// <summary>
    /// The first instance field of <paramref name="environment"/> (or of a struct it holds) that
    /// is a class, which no kernel parameter may hold, as a one-line error; null where every field
    /// is an unmanaged value. ILGPU's own refusal comes only when a kernel loads and names no field.
    /// </summary>
    public static string? ManagedField(Type environment) => ManagedField(environment, environment.Name);

    private static string? ManagedField(Type type, string path)
    {
        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            string name = $"{path}.{Member(field.Name)}";
            if (!field.FieldType.IsValueType)
            {
                string what = field.FieldType.IsArray ? "a managed array" : field.FieldType.IsInterface ? "an interface" : "a class";
                return $"{name} is a {TypeName(field.FieldType)}, {what}: an environment struct is copied to the device as it is and may hold only numbers, bools and structs of them; " +
                       "keep a table's values in separate fields or a fixed-size buffer (fixed float Table[3]) and pass nothing by reference";
            }
            if (!field.FieldType.IsPrimitive && !field.FieldType.IsEnum && !field.FieldType.IsPointer && ManagedField(field.FieldType, name) is { } inner)
                return inner;
        }
        return null;
    }

    /// <summary>
    /// One line for ILGPU's refusal of a kernel compiled for <paramref name="environment"/>; null
    /// when <paramref name="error"/> is not a compile failure (a driver that fails to load, say).
    /// </summary>
    public static string? Describe(Exception error, Type environment)
    {
        var (locations, reason) = Unwrap(error);
        if (reason is null)
            return null;
        string member = Member(locations, environment);
        // ILGPU names IR values (arith.bin.Add_26407: pred_26404, ...) that differ run by run and mean nothing to a user.
        string because = IrValue().Replace(reason.Message.Split('\n')[0].Trim(), "'...'");
        foreach (var (pattern, explain) in Rules)
        {
            Match match = pattern.Match(because);
            if (match.Success)
            {
                var (what, instead) = explain(match, new Culprit(member, environment));
                return $"{member} {what}, which ILGPU cannot compile into a kernel ({because}): {instead}";
            }
        }
        return $"{member} cannot be compiled into a kernel by ILGPU ({because}): an environment may use only structs, static methods, arithmetic, Math/MathF and CounterRandom (README: Writing an environment)";
    }

    /// <summary>Where the compiler stood (innermost method first) and the exception that says why, found through ILGPU's and the CPU accelerator's wrappers.</summary>
    private static (List<(string Method, string Type)> Locations, Exception? Reason) Unwrap(Exception error)
    {
        var locations = new List<(string, string)>();
        Exception? reason = null;
        bool fromCompiler = false;
        for (Exception? e = error; e is not null; e = e is AggregateException a ? a.InnerExceptions.FirstOrDefault() : e.InnerException)
        {
            if (e.GetType().FullName == "ILGPU.InternalCompilerException" || e.Message.StartsWith("Not supported kernel-parameter type", StringComparison.Ordinal))
            {
                fromCompiler = true;
                // Each ICE lists the methods from the innermost out; an inner ICE is further in.
                locations.InsertRange(0, Location().Matches(e.Message).Select(m => (MethodName(m.Groups["method"].Value), m.Groups["type"].Value.Trim())));
            }
            else if (e is NotSupportedException && fromCompiler)
            {
                reason = e;
            }
        }
        return (locations, reason);
    }

    /// <summary>The environment's own method where the compiler stopped ("CartPoleEnv.Step"), or the one that calls what it stopped in.</summary>
    private static string Member(List<(string Method, string Type)> locations, Type environment)
    {
        foreach (var (method, typeName) in locations)
        {
            if (OwnType(environment, typeName) is { } type)
            {
                var (stoppedIn, stoppedInType) = locations[0];
                string inside = stoppedInType == typeName ? "" : $" (in {ShortName(stoppedInType)}.{Member(stoppedIn)})";
                return $"{type.Name}.{Member(method)}{inside}";
            }
        }
        // Stopped inside .NET's library (a native method behind Environment.TickCount, say): which of the environment's methods leads there.
        if (locations.FirstOrDefault() is { Method: { } innermost, Type: { } innermostType })
        {
            foreach (MethodInfo root in OwnMethods(environment))
            {
                if (CallGraph.PathTo(root, m => m.Name == innermost && m.DeclaringType?.FullName == innermostType) is { } path)
                    return $"{environment.Name}.{Member(root.Name)} (through {string.Join(" -> ", path.Skip(1).Select(m => $"{TypeName(m.DeclaringType!)}.{Member(m.Name)}"))})";
            }
        }
        return environment.Name;
    }

    /// <summary>The environment's type, or a type of its own assembly that the message names; null for the engine's kernels and .NET's library.</summary>
    private static Type? OwnType(Type environment, string name)
    {
        Type? type = environment.Assembly.GetType(name);
        if (type is null)
            return null;
        bool builtIn = environment.Assembly == typeof(IEnvironment<,>).Assembly;
        return !builtIn || type == environment || type.DeclaringType == environment ? type : null;
    }

    /// <summary>The methods an environment declares itself, its interface's first.</summary>
    private static IEnumerable<MethodInfo> OwnMethods(Type environment) =>
        environment.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .OrderBy(m => m.Name is "Reset" or "Step" or "Observe" ? 0 : 1);

    /// <summary>What the compiler was compiling when it failed: the environment's member that the line names.</summary>
    private sealed record Culprit(string Member, Type Environment)
    {
        /// <summary>The static fields of <paramref name="type"/> that the member's own code reads and <paramref name="accept"/> takes, by name.</summary>
        public string StaticFieldRead(Func<FieldInfo, bool> accept, string otherwise)
        {
            string methodName = Member.Split(' ')[0].Split('.').Last();
            var reads = OwnMethods(Environment).Where(m => m.Name == methodName).SelectMany(IlInstruction.Of)
                .Where(i => i.OpCode == System.Reflection.Emit.OpCodes.Ldsfld || i.OpCode == System.Reflection.Emit.OpCodes.Ldsflda)
                .Select(i => i.Operand).OfType<FieldInfo>().Where(accept).Select(f => f.Name).Distinct().ToList();
            return reads.Count > 0 ? string.Join(", ", reads) : otherwise;
        }
    }

    private static readonly (Regex Pattern, Func<Match, Culprit, (string What, string Instead)> Explain)[] Rules =
    [
        (new Regex(@"^Not supported IL instruction of type '(?:Throw|Rethrow)'"), (_, _) =>
            ("throws an exception", "a kernel cannot throw: clamp or ignore the bad value (an action out of range, say) and return a transition")),
        (new Regex(@"^Not supported IL instruction of type '(?<op>\w+)'"), (m, _) =>
            ($"uses the IL instruction {m.Groups["op"].Value} (try/catch/finally, using, lock or checked code)", "a kernel has no exceptions or locks: write plain arithmetic and return a value")),
        (new Regex(@"^Class type '(?<type>.+)' is not supported"), (m, _) => ClassType(m.Groups["type"].Value)),
        (new Regex(@"^Cannot convert from 'string'"), (_, _) =>
            ("uses a string", "a kernel has no strings (or any class): compute numbers only")),
        (new Regex(@"^Not supported virtual call to method '(?<method>\w+)' defined in type '(?<declared>.+)' that was called on '(?<on>.+)'"), (m, _) =>
            ($"calls {ShortName(m.Groups["declared"].Value)}.{m.Groups["method"].Value} virtually on {ShortName(m.Groups["on"].Value)}",
             $"a kernel makes no virtual calls: call a method {ShortName(m.Groups["on"].Value)} declares itself (a static method or one of its own), not one it inherits from object or ValueType")),
        (new Regex(@"^Not supported type '(?<type>.+)'"), (m, _) =>
            ($"uses the interface {ShortName(m.Groups["type"].Value)} as a value (a struct boxed to it)",
             $"call the struct's methods directly, or through a generic parameter constrained to the interface (where T : struct, {ShortName(m.Groups["type"].Value)})")),
        (new Regex(@"^Cannot load from the static array"), (_, c) =>
            ($"reads the static array {c.StaticFieldRead(f => f.FieldType.IsArray, "(a static array field)")}",
             "ILGPU reads no static array, readonly or not: compute the value from its index (a switch or arithmetic), or keep the values in fields of the environment struct")),
        (new Regex(@"^Cannot load from the static field '(?:\S+ )?(?<field>.+)' since it is not read only"), (m, _) =>
            ($"reads the mutable static field {m.Groups["field"].Value}",
             "a kernel reads only constants: make it const or static readonly, or a field of the environment struct (its parameters) or of the state")),
        (new Regex(@"^Cannot store a value to the static field '(?:\S+ )?(?<field>.+)'"), (m, _) =>
            ($"writes the static field {m.Groups["field"].Value}", "a kernel keeps nothing between calls: keep what changes in the state struct that Step returns")),
        (new Regex(@"^Native method '(?<method>.+)' is not supported"), (m, _) =>
            ($"calls the native method {m.Groups["method"].Value}",
             "a kernel runs only plain C# on its arguments: no clock, files, console or System.Random; draw randomness from CounterRandom with the stream key")),
        (new Regex(@"^Not supported intrinsic type"), (_, _) =>
            ("calls a .NET library method that ILGPU has no device form of", "use Math/MathF and plain arithmetic, and index fields or local fixed-length arrays rather than spans or collections")),
        (new Regex(@"^The array dimension .* must be a compile-time constant"), (_, _) =>
            ("allocates an array whose length is not a compile-time constant", "give a local array a constant length (new float[4]), or keep the values in fields or a fixed-size buffer (fixed float T[4])")),
    ];

    private static (string What, string Instead) ClassType(string type) => type switch
    {
        "System.Object" => ("boxes a value into object (an object method such as ToString or Equals, or a params object[] call)", "call the struct's own methods on the value itself"),
        _ when type.StartsWith("System.Func`", StringComparison.Ordinal) || type.StartsWith("System.Action", StringComparison.Ordinal) =>
            ($"calls a delegate or lambda ({ShortName(type)})", "call a static method directly"),
        _ when type.EndsWith("[]", StringComparison.Ordinal) =>
            ($"uses the managed array {type} outside the method that allocates it", "keep the values in fields or a fixed-size buffer, or allocate a fixed-length array inside the method that reads it (new float[4])"),
        _ => ($"uses the class {ShortName(type)}", "a kernel has no heap: make it a struct, or call static methods"),
    };

    /// <summary>"Step" from "PolicyGradient.Kernels.Transition`1[S] Step(S, Int32)" or "Void Play[TEnv,...](Int32, ...)".</summary>
    private static string MethodName(string signature)
    {
        string head = signature[..(signature.IndexOf('(') is var open and >= 0 ? open : signature.Length)];
        string name = head[(head.LastIndexOf(' ') + 1)..];
        return name.IndexOf('[') is var bracket and > 0 ? name[..bracket] : name;
    }

    /// <summary>"ReadOnlySpan" from "System.ReadOnlySpan`1[System.Single]", "Sys" from "Interop+Sys".</summary>
    private static string ShortName(string typeName)
    {
        string plain = typeName[..(typeName.IndexOfAny(['`', '[']) is var generic and >= 0 ? generic : typeName.Length)];
        return plain[(plain.LastIndexOfAny(['.', '+']) + 1)..];
    }

    /// <summary>A member as C# names it: a property's getter get_X is X, a backing field &lt;X&gt;k__BackingField is X.</summary>
    private static string Member(string name) =>
        name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) ? name[4..]
        : name.StartsWith('<') && name.IndexOf('>') is var close and > 0 ? name[1..close]
        : name;

    /// <summary>float[] rather than Single[], Func`2 as it is.</summary>
    private static string TypeName(Type type) => type switch
    {
        _ when type.IsArray => $"{TypeName(type.GetElementType()!)}[]",
        _ when type == typeof(float) => "float",
        _ when type == typeof(double) => "double",
        _ when type == typeof(int) => "int",
        _ when type == typeof(string) => "string",
        _ when type == typeof(object) => "object",
        _ => type.Name,
    };

    [GeneratedRegex(@"in method (?<method>.+?) declared in type (?<type>[^\r\n]+)")]
    private static partial Regex Location();

    [GeneratedRegex(@"'[^']*_\d+[^']*'")]
    private static partial Regex IrValue();
}
