namespace PolicyGradient.Environment;

/// <summary>The error for an action of the other kind than the environment's action space.</summary>
internal static class ActionKindMismatch
{
    public static InvalidOperationException VectorGivenToDiscrete(string id) =>
        new($"{id} takes a discrete action (an int), not a vector of floats");

    public static InvalidOperationException IntGivenToBox(string id) =>
        new($"{id} takes a Box action (a vector of floats), not an int");
}
