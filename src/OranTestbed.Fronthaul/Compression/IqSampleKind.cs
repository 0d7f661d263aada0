namespace OranTestbed.Fronthaul.Compression;

/// <summary>What the integers written by a decompression call mean.</summary>
public enum IqSampleKind : byte
{
    /// <summary>
    /// Linear samples on the uncompressed integer scale: for no compression the w-bit value itself, for BFP the
    /// mantissa × 2^exponent (the value the compressor right-shifted), for block scaling and µ-law the expansion on
    /// the 16-bit scale of the compressor's input (Annex A.2.2, A.3.2; see BlockScalingCodec and MuLawCodec).
    /// </summary>
    Linear = 0,

    /// <summary>
    /// The sign-extended w-bit codes as carried on the wire; the method's expansion (modulation-compression scaling
    /// from C-plane SE4/5, which a U-plane decoder does not see) was not applied.
    /// </summary>
    CompressedCodes = 1,
}
