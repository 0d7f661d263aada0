using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.Flows;

/// <summary>
/// A fronthaul flow: eAxC id (raw 16-bit value, the split is presentation) × plane × direction. ecpriSeqid counts per
/// flow (O-RAN.WG4.CUS §5.1.3.1.7). <see cref="Index"/> packs the key into 18 bits for flat per-flow tables.
/// </summary>
public readonly record struct FlowKey(ushort Eaxc, MessagePlane Plane, DataDirection Direction)
{
    /// <summary>Number of distinct flows: 65536 eAxC × 2 planes × 2 directions.</summary>
    public const int Count = 1 << 18;

    /// <summary>(eAxC &lt;&lt; 2) | (plane &lt;&lt; 1) | direction: flows of one eAxC are adjacent.</summary>
    public int Index
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Eaxc << 2) | ((int)Plane << 1) | (int)Direction;
    }

    public static FlowKey FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return new FlowKey((ushort)(index >> 2), (MessagePlane)((index >> 1) & 1), (DataDirection)(index & 1));
    }

    public override string ToString() =>
        $"eAxC 0x{Eaxc:X4} {(Plane == MessagePlane.CPlane ? "C" : "U")}-plane {(Direction == DataDirection.Downlink ? "DL" : "UL")}";
}
