namespace Pgvec.CommandLine;

/// <summary>
/// On the command line an enum value is its lower-cased name (auto, cuda, opencl, cpu;
/// reinforce, seed; host, device): the same names the library writes into summary.json.
/// </summary>
internal static class EnumNames
{
    public static IReadOnlyList<string> Of(Type enumType) =>
        Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()).ToList();

    public static T Parse<T>(string name) where T : struct, Enum =>
        Enum.GetValues<T>().Single(v => v.ToString().ToLowerInvariant() == name);
}
