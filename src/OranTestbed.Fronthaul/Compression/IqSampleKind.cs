namespace OranTestbed.Fronthaul.Compression;

/// <summary>What the integers written by a decompression call mean.</summary>
public enum IqSampleKind : byte
{
    /// <summary>
    /// Linear samples on the uncompressed integer scale: for no compression the w-bit value itself, for BFP the
    /// mantissa × 2^exponent (the value the compressor right-shifted).
    /// </summary>
    Linear = 0,

    /// <summary>
    /// The sign-extended w-bit codes as carried on the wire; the method's expansion (block scaling, µ-law,
    /// modulation-compression scaling from C-plane SE4/5) was not applied. The per-PRB udCompParam is reported separately.
    /// </summary>
    CompressedCodes = 1,
}
