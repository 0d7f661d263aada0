using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE4 modulation compression parameters (<see cref="ModulationCompressionFields"/>).</summary>
public readonly ref struct ModulationCompressionExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal ModulationCompressionExtension(ReadOnlySpan<byte> span) => _span = span;

    /// <summary>csf, the constellation shift flag.</summary>
    public bool Csf => (_span[ModulationCompressionFields.ScalerOffset] & ModulationCompressionFields.CsfMask) != 0;

    /// <summary>modCompScaler, 15 bits as sent.</summary>
    public int ModCompScaler => BinaryPrimitives.ReadUInt16BigEndian(_span[ModulationCompressionFields.ScalerOffset..]) & 0x7FFF;

    /// <summary>Exponent, the top 4 bits of modCompScaler.</summary>
    public int ScalerExponent => ModCompScaler >> 11;

    /// <summary>Mantissa, the low 11 bits of modCompScaler.</summary>
    public int ScalerMantissa => ModCompScaler & 0x7FF;

    /// <summary>The scale factor mantissa / 2^11 × 2^−exponent.</summary>
    public double Scale => ScalerMantissa / 2048.0 * Math.Pow(2, -ScalerExponent);
}
