using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Analysis.Tests.Timing;

/// <summary>
/// Test profiles: the wire configuration of testplans/profiles/synthetic-capture.yaml (µ = 1, 273 PRBs, 4/4/4/4 eAxC,
/// BFP 9 with udCompHdr, FDD; built in code because this test project does not reference the YAML loader) with the
/// O-RAN SC FHI library's µ = 1 windows (fronthaul.md §4.6) and a Ta4 from OAI so that every window has min &gt; 0.
/// </summary>
public static class TimingProfiles
{
    public static DelayManagement Windows { get; } = DelayManagement.None
        .With(DelayParameter.T2aMinCpDl, 285_000)
        .With(DelayParameter.T2aMaxCpDl, 429_000)
        .With(DelayParameter.T2aMinCpUl, 285_000)
        .With(DelayParameter.T2aMaxCpUl, 429_000)
        .With(DelayParameter.T2aMinUp, 71_000)
        .With(DelayParameter.T2aMaxUp, 428_000)
        .With(DelayParameter.Ta3Min, 20_000)
        .With(DelayParameter.Ta3Max, 32_000)
        .With(DelayParameter.T1aMinCpDl, 285_000)
        .With(DelayParameter.T1aMaxCpDl, 429_000)
        .With(DelayParameter.T1aMinCpUl, 285_000)
        .With(DelayParameter.T1aMaxCpUl, 300_000)
        .With(DelayParameter.T1aMinUp, 96_000)
        .With(DelayParameter.T1aMaxUp, 196_000)
        .With(DelayParameter.Ta4Min, 110_000)
        .With(DelayParameter.Ta4Max, 180_000);

    public static FronthaulProfile Synthetic(CaptureTap? tap, DelayManagement? delays = null) => new()
    {
        Name = "synthetic-capture-timing",
        Carrier = new Carrier(1, 273),
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        DownlinkCompression = new UPlaneCompression(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9), true),
        UplinkCompression = new UPlaneCompression(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9), true),
        Duplex = DuplexMode.Fdd,
        DelayManagement = delays ?? Windows,
        CaptureClock = TimeScale.Utc,
        Tap = tap,
    };
}
