using System.Runtime.CompilerServices;

namespace PolicyGradient.Kernels;

/// <summary>The track both of Gymnasium's mountain cars drive on, in float32 and in their order of operations.</summary>
internal static class MountainCarTrack
{
    /// <summary>After the push: the speed limit, the move, the track's ends, and the stop at the left wall.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MountainCarState Move(float position, float velocity, float maxSpeed, float minPosition, float maxPosition)
    {
        velocity = Vectors.Clip(velocity, -maxSpeed, maxSpeed);
        position = Vectors.Clip(position + velocity, minPosition, maxPosition);
        if (position == minPosition && velocity < 0)
            velocity = 0.0f;
        return new MountainCarState(position, velocity);
    }
}
