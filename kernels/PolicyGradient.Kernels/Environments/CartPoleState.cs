namespace PolicyGradient.Kernels;

/// <summary>A float32 CartPole state (the observation the policy sees) for device code.</summary>
public struct CartPoleState
{
    public float X;
    public float XDot;
    public float Theta;
    public float ThetaDot;

    public CartPoleState(float x, float xDot, float theta, float thetaDot)
    {
        X = x;
        XDot = xDot;
        Theta = theta;
        ThetaDot = thetaDot;
    }
}
