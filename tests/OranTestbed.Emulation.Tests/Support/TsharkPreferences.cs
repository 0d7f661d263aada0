using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Emulation.Tests.Support;

/// <summary>tshark 4.0.17 preferences (and the UDP decode-as) that decode a profile's traffic as our decoder does.</summary>
public static class TsharkPreferences
{
    public static IReadOnlyList<string> Of(FronthaulProfile profile)
    {
        var bits = profile.EaxcBits;
        var dl = profile.DownlinkCompression;
        var ul = profile.UplinkCompression;
        return Tshark.OranPreferences(bits.DuPort, bits.BandSector, bits.Cc, bits.RuPort, Name(dl.Static),
            dl.Static.IqWidth, Name(ul.Static), ul.Static.IqWidth, dl.UdCompHdrPresent, ul.UdCompHdrPresent,
            profile.Carrier.Prbs);
    }

    /// <summary><c>-d udp.port==N,ecpri</c> when the profile runs eCPRI over UDP (no port is registered).</summary>
    public static IReadOnlyList<string> Arguments(FronthaulProfile profile) =>
        profile.EcpriUdpPort is { } port ? ["-d", $"udp.port=={port},ecpri"] : [];

    private static string Name(UdCompHdr compression) => compression.Method switch
    {
        CompressionMethod.None => "No Compression",
        CompressionMethod.BlockFloatingPoint => "Block Floating Point Compression",
        CompressionMethod.BlockScaling => "Block Scaling Compression",
        CompressionMethod.MuLaw => "u-Law Compression",
        _ => "Modulation Compression",
    };
}
