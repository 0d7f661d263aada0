namespace OranTestbed.Fronthaul.Ethernet;

/// <summary>One 802.1Q / 802.1ad tag: TPID, priority (PCP), drop-eligible (DEI) and VLAN id (IEEE 802.1Q §9.6).</summary>
public readonly record struct VlanTag(ushort Tpid, byte Pcp, bool Dei, ushort VlanId)
{
    public static VlanTag Customer(ushort vlanId, byte pcp = 0) => new(EthernetFields.TypeVlan, pcp, false, vlanId);

    public ushort Tci => (ushort)((Pcp << 13) | (Dei ? 1 << 12 : 0) | (VlanId & 0x0FFF));

    public static VlanTag FromTci(ushort tpid, ushort tci) =>
        new(tpid, (byte)(tci >> 13), (tci & 0x1000) != 0, (ushort)(tci & 0x0FFF));
}
