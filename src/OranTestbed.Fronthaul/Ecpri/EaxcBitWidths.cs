namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// How the 16-bit eAxC id splits, MSB first, into DU_port_ID | BandSector_ID | CC_ID | RU_port_ID
/// (O-RAN.WG4.CUS §5.1.3.1.6; configured over the M-plane as the o-ran-uplane-conf e-axcid bitmasks).
/// The widths must sum to 16.
/// </summary>
public readonly record struct EaxcBitWidths
{
    public EaxcBitWidths(int duPort, int bandSector, int cc, int ruPort)
    {
        if (duPort < 0 || bandSector < 0 || cc < 0 || ruPort < 0 || duPort + bandSector + cc + ruPort != 16)
        {
            throw new ArgumentException(
                $"eAxC bit widths {duPort}/{bandSector}/{cc}/{ruPort} must be non-negative and sum to 16");
        }

        DuPort = duPort;
        BandSector = bandSector;
        Cc = cc;
        RuPort = ruPort;
    }

    /// <summary>Wireshark 4.0's default split, 2/6/4/4.</summary>
    public static EaxcBitWidths Default { get; } = new(2, 6, 4, 4);

    public int DuPort { get; }
    public int BandSector { get; }
    public int Cc { get; }
    public int RuPort { get; }

    /// <summary>Parses "D,B,C,R" (as on the command line).</summary>
    public static EaxcBitWidths Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', '/');
        if (parts.Length != 4 || !int.TryParse(parts[0], out int d) || !int.TryParse(parts[1], out int b)
            || !int.TryParse(parts[2], out int c) || !int.TryParse(parts[3], out int r))
        {
            throw new FormatException($"eAxC bit widths '{text}' must be four integers D,B,C,R that sum to 16");
        }

        return new EaxcBitWidths(d, b, c, r);
    }

    public override string ToString() => $"{DuPort},{BandSector},{Cc},{RuPort}";
}
