namespace OranTestbed.Analysis.Flows;

/// <summary>The O-RAN plane of an eCPRI message: C-plane (type 2, real-time control) or U-plane (type 0, IQ data).</summary>
public enum MessagePlane : byte
{
    CPlane = 0,
    UPlane = 1,
}
