using System.Reflection;

namespace PolicyGradient.Environment.Assemblies;

/// <summary>
/// The parameters a user's environment struct trains with, by convention: its public static
/// property or field <c>Default</c> of its own type (as the built-ins have Gymnasium's), else
/// <c>default</c>, every field zero.
/// </summary>
internal static class EnvironmentParameters
{
    public const string MemberName = "Default";

    /// <summary>The environment's parameters, boxed.</summary>
    /// <exception cref="EnvironmentAssemblyException">Its Default is of another type or throws.</exception>
    public static object Of(Type environment)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        MemberInfo? member = (MemberInfo?)environment.GetProperty(MemberName, flags) ?? environment.GetField(MemberName, flags);
        if (member is null)
            return Activator.CreateInstance(environment)!;
        Type type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        if (type != environment)
            throw new EnvironmentAssemblyException($"{environment.Name}.{MemberName} is a {type.Name}: an environment's {MemberName} must be its own type, {environment.Name}, holding the parameters it trains with");
        try
        {
            return (member is PropertyInfo property ? property.GetValue(null) : ((FieldInfo)member).GetValue(null))!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new EnvironmentAssemblyException($"{environment.Name}.{MemberName} threw {inner.GetType().Name}: {inner.Message.Split('\n')[0]}");
        }
    }
}
