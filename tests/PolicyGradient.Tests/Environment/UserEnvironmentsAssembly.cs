namespace PolicyGradient.Tests.Environment;

/// <summary>tests/UserEnvironments as its build leaves it (its own PolicyGradient.Kernels.dll beside it), copied beside the tests.</summary>
public static class UserEnvironmentsAssembly
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "user-environments", "UserEnvironments.dll");
}
