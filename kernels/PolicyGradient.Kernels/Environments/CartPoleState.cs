namespace PolicyGradient.Kernels;

/// <summary>A float32 CartPole state (the observation the policy sees) for device code.</summary>
public struct CartPoleState
{
    /// <summary>The cart's position, m.</summary>
    public float X;
    /// <summary>The cart's velocity.</summary>
    public float XDot;
    /// <summary>The pole's angle from upright, radians.</summary>
    public float Theta;
    /// <summary>The pole's angular velocity.</summary>
    public float ThetaDot;

    /// <summary>A state in Gymnasium's order (x, x_dot, theta, theta_dot).</summary>
    public CartPoleState(float x, float xDot, float theta, float thetaDot)
    {
        X = x;
        XDot = xDot;
        Theta = theta;
        ThetaDot = thetaDot;
    }
}
