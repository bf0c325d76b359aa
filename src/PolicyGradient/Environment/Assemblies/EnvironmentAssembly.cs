using System.Collections.Concurrent;
using System.Reflection;
using PolicyGradient.Devices;
using PolicyGradient.Kernels;
using PolicyGradient.Text;

namespace PolicyGradient.Environment.Assemblies;

/// <summary>
/// A user's assembly of environment structs (--env-assembly), loaded once per process in its own
/// <see cref="EnvironmentLoadContext"/> that shares pgvec's kernels assembly, and its environments
/// found by Gymnasium-style id or by type name.
/// </summary>
internal sealed class EnvironmentAssembly
{
    /// <summary>What train runs a user's environment with when --envs and --lr are not given: CartPole-v1's.</summary>
    public static readonly TrainingDefaults Defaults = new(4096, 0.1);

    /// <summary>
    /// One load per file and content: a second load context would make the same struct a second
    /// type, with its kernels compiled again.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Path, string Sha256), Lazy<EnvironmentAssembly>> Loaded = new();

    private readonly ConcurrentDictionary<Type, Lazy<EnvironmentDefinition>> _definitions = new();

    private EnvironmentAssembly(string path, EnvironmentAssemblyIdentity identity, Assembly assembly, IReadOnlyList<Type> types)
    {
        Path = path;
        Identity = identity;
        Assembly = assembly;
        Types = types;
        Environments = [.. types.Where(t => t.IsValueType && !t.ContainsGenericParameters && EnvironmentInterface(t) is not null).OrderBy(IdOf)];
    }

    public string Path { get; }
    public EnvironmentAssemblyIdentity Identity { get; }
    public Assembly Assembly { get; }

    /// <summary>Every type the assembly defines that could be loaded.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>The environment structs it holds (each implementing IEnvironment&lt;TState, TObservation&gt;), by id.</summary>
    public IReadOnlyList<Type> Environments { get; }

    /// <summary>Each environment's id, e.g. "GridWorld-v0".</summary>
    public IReadOnlyList<string> Ids => [.. Environments.Select(IdOf)];

    /// <summary>The assembly at <paramref name="path"/>, loaded on first use.</summary>
    /// <exception cref="EnvironmentAssemblyException">No such file, not a .NET assembly, built against a newer PolicyGradient.Kernels, or it fails to load.</exception>
    public static EnvironmentAssembly Load(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new EnvironmentAssemblyException($"{path} is a directory: must be the .dll file of a .NET assembly holding environment structs");
        if (!File.Exists(full))
            throw new EnvironmentAssemblyException($"{path}: no such file (must be the .dll file of a .NET assembly holding environment structs)");
        EnvironmentAssemblyIdentity identity = IdentityOf(path, full);
        return Loaded.GetOrAdd((full, identity.Sha256), _ => new Lazy<EnvironmentAssembly>(() => LoadFile(path, full, identity))).Value;
    }

    /// <summary>
    /// The environment <paramref name="name"/> names: an id or a type name, exactly, else ignoring
    /// case. A near miss is suggested; a type that is not an environment is named with what it lacks.
    /// </summary>
    /// <exception cref="EnvironmentAssemblyException">None is named so, or it is not an environment pgvec can train.</exception>
    public EnvironmentDefinition Find(string name)
    {
        Type type = Match(name, StringComparison.Ordinal) ?? Match(name, StringComparison.OrdinalIgnoreCase) ?? throw NotFound(name);
        return _definitions.GetOrAdd(type, t => new Lazy<EnvironmentDefinition>(() => Define(t))).Value;
    }

    /// <summary>The only environment, for --env-assembly given without --env.</summary>
    /// <exception cref="EnvironmentAssemblyException">It holds none, or several.</exception>
    public EnvironmentDefinition Only() => Environments switch
    {
        [var only] => Find(IdOf(only)),
        [] => throw NoEnvironment(),
        _ => throw new EnvironmentAssemblyException($"{Path} holds {Environments.Count} environments ({Listing}): name one with --env"),
    };

    private Type? Match(string name, StringComparison comparison) =>
        Environments.FirstOrDefault(t => string.Equals(IdOf(t), name, comparison) || string.Equals(t.Name, name, comparison) || string.Equals(t.FullName, name, comparison));

    private EnvironmentAssemblyException NotFound(string name)
    {
        if (Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase)) is { } type)
            return new EnvironmentAssemblyException($"{type.FullName} in {Path} is not an environment: {Lacks(type)}");
        if (Environments.Count == 0)
            return NoEnvironment();
        string? closest = ClosestName.To(name, Environments.SelectMany(t => new[] { IdOf(t), t.Name }));
        string suggestion = closest is null ? "" : $" (did you mean {closest}?)";
        return new EnvironmentAssemblyException($"{Path} has no environment {name}{suggestion}: it holds {Listing}");
    }

    private EnvironmentAssemblyException NoEnvironment() =>
        new($"{Path} holds no environment: no struct in it implements IDiscreteEnvironment<TState, TObservation> or IContinuousEnvironment<TState, TObservation, TAction> (from PolicyGradient.Kernels)");

    /// <summary>"GridWorld-v0 (GridWorld), Chain-v1 (ChainEnv)".</summary>
    private string Listing => string.Join(", ", Environments.Select(t => IdOf(t) == t.Name ? t.Name : $"{IdOf(t)} ({t.Name})"));

    /// <summary>What a type that is not an environment lacks to be one.</summary>
    private static string Lacks(Type type)
    {
        if (!type.IsValueType)
            return $"it is {(type.IsInterface ? "an interface" : "a class")}, and an environment is a struct implementing IDiscreteEnvironment<TState, TObservation>";
        if (type.ContainsGenericParameters)
            return "it is a generic struct: an environment is a closed struct type (no type parameters left open)";
        Type? environment = EnvironmentInterface(type);
        if (environment is not null)
            return $"it implements {Display(environment)} but neither IDiscreteEnvironment<TState, TObservation> (static Actions, Step(TState, int)) nor IContinuousEnvironment<TState, TObservation, TAction> (static ActionLow and ActionHigh, Step(TState, TAction))";
        string[] members = ["Id", "MaxEpisodeSteps", "ResetDraws", "Actions", "Reset", "Observe", "Step"];
        string[] missing = [.. members.Where(m => type.GetMember(m, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length == 0)];
        return missing.Length == 0
            ? "it declares every member of one but not the interface: declare it as struct " + type.Name + " : IDiscreteEnvironment<TState, TObservation>"
            : $"it implements neither IDiscreteEnvironment<TState, TObservation> nor IContinuousEnvironment<TState, TObservation, TAction> and lacks {string.Join(", ", missing)}";
    }

    private EnvironmentDefinition Define(Type type)
    {
        object parameters = EnvironmentParameters.Of(type);
        DeviceEnvironment device;
        try
        {
            device = DeviceEnvironment.For(parameters);
        }
        catch (Exception e) when (e is ArgumentException or EnvironmentCompileException)
        {
            throw new EnvironmentAssemblyException($"{type.Name} in {Path}: {e.Message}");
        }
        Type state = EnvironmentInterface(type)!.GetGenericArguments()[0];
        return new EnvironmentDefinition(device, StateNames(state, ""), Defaults) { Assembly = Identity };
    }

    /// <summary>The state's float32 values as its fields name them, in order; a nested struct's as outer.inner.</summary>
    private static List<string> StateNames(Type state, string prefix) =>
        [.. state.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(f => f.FieldType.IsPrimitive ? [prefix + FieldName(f)] : StateNames(f.FieldType, $"{prefix}{FieldName(f)}."))];

    /// <summary>A primary constructor's or auto-property's backing field &lt;X&gt;k__BackingField as X.</summary>
    private static string FieldName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>') is var close and > 0 ? field.Name[1..close] : field.Name;

    /// <summary>IEnvironment&lt;TState, TObservation&gt; as the type implements it; null if it does not.</summary>
    private static Type? EnvironmentInterface(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnvironment<,>));

    /// <summary>The environment's Id, its static property.</summary>
    private static string IdOf(Type environment)
    {
        Type contract = EnvironmentInterface(environment)!;
        InterfaceMapping map = environment.GetInterfaceMap(contract);
        int getter = Array.FindIndex(map.InterfaceMethods, m => m.Name == "get_Id");
        try
        {
            return (string?)map.TargetMethods[getter].Invoke(null, null) ?? environment.Name;
        }
        catch (TargetInvocationException)
        {
            return environment.Name;
        }
    }

    private static string Display(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>" : type.Name;

    private static EnvironmentAssemblyIdentity IdentityOf(string path, string full)
    {
        try
        {
            return EnvironmentAssemblyIdentity.Of(full);
        }
        catch (BadImageFormatException)
        {
            throw new EnvironmentAssemblyException($"{path} is not a .NET assembly: must be the .dll a C# project of environment structs builds");
        }
        catch (IOException e)
        {
            throw new EnvironmentAssemblyException($"{path} cannot be read: {e.Message}");
        }
    }

    private static EnvironmentAssembly LoadFile(string path, string full, EnvironmentAssemblyIdentity identity)
    {
        var context = new EnvironmentLoadContext(full);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(full);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException)
        {
            throw new EnvironmentAssemblyException($"{path} cannot be loaded: {e.Message.Split('\n')[0]}");
        }
        AssemblyName ours = EnvironmentLoadContext.Kernels.GetName();
        if (assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == ours.Name) is { Version: { } theirs } && theirs > ours.Version)
            throw new EnvironmentAssemblyException($"{path} was built against {ours.Name} {theirs}, newer than this pgvec's {ours.Version}: update pgvec or build against {ours.Version}");
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
            if (types.Length == 0)
                throw new EnvironmentAssemblyException($"{path}: none of its types load ({e.LoaderExceptions.FirstOrDefault()?.Message.Split('\n')[0]})");
        }
        return new EnvironmentAssembly(path, identity, assembly, types);
    }
}
