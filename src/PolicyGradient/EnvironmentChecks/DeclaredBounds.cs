using System.Reflection;
using PolicyGradient.Kernels;

namespace PolicyGradient.EnvironmentChecks;

/// <summary>The observation bounds an environment declares (<see cref="IObservationBounds{TObservation}"/>), read on the host; null where it declares none.</summary>
internal static class DeclaredBounds
{
    public static (float[] Low, float[] High)? Of(Type environment)
    {
        Type? contract = environment.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IObservationBounds<>));
        if (contract is null)
            return null;
        InterfaceMapping map = environment.GetInterfaceMap(contract);
        MethodInfo toArray = typeof(Vectors).GetMethod(nameof(Vectors.ToArray))!.MakeGenericMethod(contract.GetGenericArguments()[0]);
        float[] Read(string property) =>
            (float[])toArray.Invoke(null, [map.TargetMethods[Array.FindIndex(map.InterfaceMethods, m => m.Name == "get_" + property)].Invoke(null, null)])!;
        return (Read(nameof(IObservationBounds<Vector1>.ObservationLow)), Read(nameof(IObservationBounds<Vector1>.ObservationHigh)));
    }
}
