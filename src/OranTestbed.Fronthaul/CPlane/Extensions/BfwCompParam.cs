using System.Numerics;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// bfwCompParam, whose form depends on bfwCompMeth (O-RAN.WG4.CUS §7.7.1.3, Table 7.7.1.3-1):
/// <code>
///  meth 0 none           : absent
///  meth 1 block FP       : reserved(4) | exponent(4)
///  meth 2 block scaling  : blockScaler(8)  (1 integer bit, 7 fraction bits)
///  meth 3 µ-law          : compBitWidth(4) | compShift(4)
///  meth 4 beamspace I    : activeBeamspaceCoefficientMask, ceil(K/8) bytes, bit 7 of byte 0 = coefficient 1
///  meth 5 beamspace II   : activeBeamspaceCoefficientMask, ceil(K/8) bytes, then reserved(4) | exponent(4)
/// </code>
/// K is the number of TRXs (M-plane); with beamspace compression only the active coefficients carry weights.
/// </summary>
public readonly ref struct BfwCompParam
{
    private readonly ReadOnlySpan<byte> _span;

    internal BfwCompParam(ReadOnlySpan<byte> span, int method)
    {
        _span = span;
        Method = method;
    }

    public int Method { get; }

    public ReadOnlySpan<byte> Raw => _span;

    public int Length => _span.Length;

    /// <summary>Exponent (methods 1 and 5), else 0.</summary>
    public int Exponent => Method switch
    {
        1 => _span[0] & 0x0F,
        5 => _span[^1] & 0x0F,
        _ => 0,
    };

    /// <summary>The reserved high nibble of the exponent byte (methods 1 and 5).</summary>
    public int Reserved => Method switch
    {
        1 => _span[0] >> 4,
        5 => _span[^1] >> 4,
        _ => 0,
    };

    public int BlockScaler => Method == 2 ? _span[0] : 0;

    public int CompBitWidth => Method == 3 ? _span[0] >> 4 : 0;

    public int CompShift => Method == 3 ? _span[0] & 0x0F : 0;

    /// <summary>activeBeamspaceCoefficientMask (methods 4 and 5).</summary>
    public ReadOnlySpan<byte> BeamspaceMask => Method switch
    {
        4 => _span,
        5 => _span[..^1],
        _ => [],
    };

    /// <summary>Bytes of bfwCompParam for a method and K TRXs; -1 for a reserved method (6-15).</summary>
    public static int LengthOf(int method, int antennas) => method switch
    {
        0 => 0,
        1 or 2 or 3 => 1,
        4 => (antennas + 7) / 8,
        5 => ((antennas + 7) / 8) + 1,
        _ => -1,
    };

    /// <summary>Weights that follow: K, or for beamspace the active coefficients among the first K mask bits.</summary>
    public static int WeightCount(int method, ReadOnlySpan<byte> param, int antennas)
    {
        if (method is not (4 or 5))
        {
            return antennas;
        }

        int count = 0;
        int maskBytes = (antennas + 7) / 8;
        for (int i = 0; i < maskBytes; i++)
        {
            int bitsHere = Math.Min(8, antennas - (i * 8));
            int keep = 0xFF << (8 - bitsHere) & 0xFF;
            count += BitOperations.PopCount((uint)(param[i] & keep));
        }

        return count;
    }
}
