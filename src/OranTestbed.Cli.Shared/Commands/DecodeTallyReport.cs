using System.Globalization;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Inspection;

namespace OranTestbed.Cli.Commands;

/// <summary>The totals printed by <c>decode --format count</c>.</summary>
internal static class DecodeTallyReport
{
    public static void Write(TextWriter writer, in DecodeTally tally, long frames, long bytes, long[] kinds,
        TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c,
            $"frames {frames}  bytes {bytes}  eCPRI {kinds[(int)FrameKind.Ecpri]}  PTP {kinds[(int)FrameKind.Ptp]}  other {kinds[(int)FrameKind.Other]}  IP fragments {kinds[(int)FrameKind.IpFragment]}"));
        writer.WriteLine(string.Create(c,
            $"eCPRI messages {tally.EcpriMessages}  C-plane messages {tally.CPlaneMessages} sections {tally.CPlaneSections} extensions {tally.CPlaneExtensions}  U-plane messages {tally.UPlaneMessages} sections {tally.UPlaneSections} PRBs {tally.UPlanePrbs}  other eCPRI {tally.OtherEcpriMessages}  PTP messages {tally.PtpMessages}"));
        writer.Write(string.Create(c, $"malformed frames {tally.MalformedFrames}"));
        foreach (var code in Enum.GetValues<DecodeErrorCode>())
        {
            if (code != DecodeErrorCode.None && tally.ErrorsOf(code) > 0)
            {
                writer.Write(string.Create(c, $"  {DecodeError.NameOf(code)} {tally.ErrorsOf(code)}"));
            }
        }

        writer.WriteLine();
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        writer.WriteLine(string.Create(c,
            $"decoded in {elapsed.TotalSeconds:F3} s: {frames / seconds / 1e6:F2} Mframes/s, {bytes / seconds / 1e9:F2} GB/s (including capture file reading)"));
    }
}
