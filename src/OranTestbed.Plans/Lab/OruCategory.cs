namespace OranTestbed.Plans.Lab;

/// <summary>O-RU category (O-RAN.WG4.CUS §2.1): A precodes in the O-DU, B precodes in the O-RU (beamforming weights, mMIMO).</summary>
public enum OruCategory
{
    A,
    B,
}
