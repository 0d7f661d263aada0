using System.CommandLine;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed demo</c>: the main job on embedded defaults, until the campaign runner exists. Decodes the embedded
/// reference capture (PTP, eCPRI one-way delay, UL C-plane ST3 and ST1+SE6, DL U-plane BFP-9) with the wire
/// configuration it was built with, shows every frame, and checks that all of them decode soundly.
/// </summary>
internal static class DemoCommand
{
    private const string SampleResource = "OranTestbed.Cli.sample.pcap";

    /// <summary>The configuration of the embedded capture: 4/4/4/4 eAxC split, udCompHdr in U-plane, BFP 9 bits.</summary>
    internal static FronthaulDecodeOptions SampleOptions { get; } = new()
    {
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        UdCompHdrPresent = true,
        DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
        UplinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
    };

    public static Command Create()
    {
        var command = new Command("demo",
            "Decode and check the embedded sample fronthaul capture (the default when run through tools/oran-testbed.sh)");
        command.SetAction(_ => Run(Console.OpenStandardOutput(), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(Stream output, TextWriter console, TextWriter diagnostics)
    {
        string path = Path.Combine(Path.GetTempPath(), $"oran-testbed-sample-{Environment.ProcessId}.pcap");
        try
        {
            using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream(SampleResource)
                ?? throw new InvalidOperationException($"embedded resource {SampleResource} is missing"))
            using (var file = File.Create(path))
            {
                resource.CopyTo(file);
            }

            console.WriteLine("OranTestbed demo: decoding the embedded reference capture");
            console.WriteLine("  (eAxC 4/4/4/4, udCompHdr present, BFP 9-bit; the same as:");
            console.WriteLine("   oran-testbed decode testplans/captures/synthetic_oran_fh_min.pcap --eaxc-bits 4,4,4,4 --comp-hdr --dl-comp bfp:9)");
            console.WriteLine();
            console.Flush();
            int text = CaptureDecoding.Run(new CaptureDecodeRequest(path, SampleOptions, DecodeFormat.Text, false, null),
                output, diagnostics);
            console.WriteLine();
            console.WriteLine("Totals:");
            console.Flush();
            int count = CaptureDecoding.Run(new CaptureDecodeRequest(path, SampleOptions, DecodeFormat.Count, false, null),
                output, diagnostics);
            int result = Math.Max(text, count);
            console.WriteLine();
            console.WriteLine(result == ExitCodes.Success
                ? "PASS: every frame decoded soundly"
                : $"FAIL: decoding reported defects (exit code {result})");
            return result;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
