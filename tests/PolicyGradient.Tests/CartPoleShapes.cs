using PolicyGradient.Environment;
using PolicyGradient.Kernels;

namespace PolicyGradient.Tests;

/// <summary>CartPole-v1's policy shapes, for tests written for its 4 observations and 2 actions.</summary>
internal static class CartPoleShapes
{
    public static PolicyLayout Layout(int hidden) => Environments.CartPole.Device.Layout(hidden);

    public static DeviceEnvironment Device => Environments.CartPole.Device;
}
