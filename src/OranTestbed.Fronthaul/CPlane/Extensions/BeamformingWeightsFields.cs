namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE1, beamforming weights, O-RAN.WG4.CUS §7.7.1 (Table 7.7.1-1; bfwCompHdr §7.7.1.2, bfwCompParam §7.7.1.3,
/// bfwI/bfwQ §7.7.1.4-5). Allowed in section types 1 and 3.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+-------+-------+---------------…
/// |e| extType = 1 |    extLen     |bfwIqW |bfwMeth| bfwCompParam (0-n bytes, see BfwCompParam)
/// +-+-------------+---------------+-------+-------+---------------…
/// | bfwI(1) bfwQ(1) bfwI(2) … bfwQ(L): bfwIqWidth bits each (0 = 16), bit-packed MSB first | zero pad to 4 bytes
/// </code>
/// L is the number of TRXs (M-plane; <c>FronthaulDecodeOptions.BeamformingAntennas</c>), or the number of active
/// coefficients with beamspace compression.
/// </summary>
public static class BeamformingWeightsFields
{
    public const int BfwCompHdrOffset = 2;
    public const int BfwCompParamOffset = 3;
}
