namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE10, section description for group configuration of multiple ports, O-RAN.WG4.CUS §7.7.10 (Tables 7.7.10-1/-2;
/// beamGroupType §7.7.10.1, numPortc §7.7.10.2). Allowed in section types 1, 3 and 5.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+---+-----------+---------------+
/// |e| extType =10 |    extLen     |bgt| numPortc  |   reserved    |   beamGroupType 0 (common) / 1 (matrix)
/// +-+-------------+---------------+---+-----------+---------------+
/// |e| extType =10 |    extLen     |bgt| numPortc  |r| beamId port 1 (15) | … numPortc entries | zero pad
/// +-+-------------+---------------+---+-----------+-+-------------+        beamGroupType 2 (beam vector list)
/// </code>
/// beamGroupType 0: every port uses the section's beamId; 1: port n uses beamId + n; 2: the listed beamIds (ueIds in
/// ST5); 3 (CUS v13+, beamId/ueId with port-list index): not decoded here, its body is exposed raw.
/// The list length follows Wireshark (numPortc entries; Wireshark issue 18116).
/// </summary>
public static class PortGroupingFields
{
    public const int GroupOffset = 2;
    public const int ReservedOffset = 3;
    public const int BeamIdsOffset = 3;
    public const int BeamIdEntryLength = 2;
    public const int MinimumLength = 4;
}
