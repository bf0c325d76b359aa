using System.Reflection;

namespace PolicyGradient.Inspection;

/// <summary>Which methods a method calls, read from IL: paths to a method and cycles among an environment's own methods.</summary>
internal static class CallGraph
{
    /// <summary>The shortest chain of calls from <paramref name="from"/> to a method <paramref name="isTarget"/> accepts ([from, ..., target]), at most <paramref name="maxDepth"/> calls deep; null if none.</summary>
    public static IReadOnlyList<MethodBase>? PathTo(MethodBase from, Func<MethodBase, bool> isTarget, int maxDepth = 6)
    {
        var previous = new Dictionary<MethodBase, MethodBase?> { [from] = null };
        var frontier = new List<MethodBase> { from };
        for (int depth = 0; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<MethodBase>();
            foreach (MethodBase method in frontier)
            {
                if (depth > 0 && isTarget(method))
                    return Chain(method, previous);
                foreach (MethodBase callee in Callees(method))
                {
                    if (previous.TryAdd(callee, method))
                        next.Add(callee);
                }
            }
            frontier = next;
        }
        return null;
    }

    /// <summary>A cycle of calls ([m, ..., m]) among the methods reachable from <paramref name="roots"/> through methods <paramref name="within"/> accepts; null if there is none.</summary>
    public static IReadOnlyList<MethodBase>? Cycle(IEnumerable<MethodBase> roots, Func<MethodBase, bool> within)
    {
        var done = new HashSet<MethodBase>();
        foreach (MethodBase root in roots)
        {
            if (Cycle(root, within, [], done) is { } cycle)
                return cycle;
        }
        return null;
    }

    /// <summary>The methods <paramref name="method"/>'s body calls, each once.</summary>
    public static IEnumerable<MethodBase> Callees(MethodBase method) =>
        IlInstruction.Of(method).Select(i => i.Called).OfType<MethodBase>().Distinct();

    private static IReadOnlyList<MethodBase>? Cycle(MethodBase method, Func<MethodBase, bool> within, List<MethodBase> path, HashSet<MethodBase> done)
    {
        int seen = path.IndexOf(method);
        if (seen >= 0)
            return [.. path.Skip(seen), method];
        if (!done.Add(method))
            return null;
        path.Add(method);
        foreach (MethodBase callee in Callees(method).Where(within))
        {
            if (Cycle(callee, within, path, done) is { } cycle)
                return cycle;
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }

    private static List<MethodBase> Chain(MethodBase last, Dictionary<MethodBase, MethodBase?> previous)
    {
        var chain = new List<MethodBase>();
        for (MethodBase? m = last; m is not null; m = previous[m])
            chain.Insert(0, m);
        return chain;
    }
}
