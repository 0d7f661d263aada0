using OranTestbed.Emulation.Scheduling;

namespace OranTestbed.Emulation.Nodes;

/// <summary>What a node just sent: when, for which air time, on which eAxC, which plane and direction.</summary>
internal readonly record struct EmittedMessage(long SendNs, long AirNs, ushort Eaxc, BurstKind Kind, bool Downlink,
    bool Repeat)
{
    public bool CPlane => Kind != BurstKind.UPlane;
}
