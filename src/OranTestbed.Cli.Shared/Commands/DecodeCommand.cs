using System.CommandLine;
using Microsoft.Extensions.Logging;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary><c>oran-testbed decode CAPTURE</c>: decode every frame of a pcap/pcapng file.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var capture = new Argument<FileInfo>("CAPTURE") { Description = "pcap or pcapng file (Ethernet)" };
        var format = new Option<DecodeFormat>("--format")
        {
            Description = "text (one line per frame), jsonl (one JSON object per frame) or count (totals only)",
            DefaultValueFactory = _ => DecodeFormat.Text,
        };
        var iq = new Option<bool>("--iq") { Description = "jsonl: add BFP exponents and decompressed I,Q integers" };
        var filter = new Option<string?>("--filter") { Description = "BPF filter applied while reading, e.g. 'vlan 2'" };
        var wire = new DecodeOptionsBinder();
        var command = new Command("decode", "Decode every frame of a capture: eCPRI, O-RAN C/U-plane, PTP")
        {
            capture, format, iq, filter,
        };
        wire.AddTo(command);
        command.SetAction(parse =>
        {
            FronthaulProfile? profile;
            try
            {
                profile = wire.LoadProfile(parse);
            }
            catch (PlanValidationException ex)
            {
                ProfileErrors.Write(Console.Error, "decode", ex);
                return ExitCodes.Usage;
            }

            if (Libpcap.IsNeededToRead(parse.GetRequiredValue(capture).FullName, parse.GetValue(filter))
                && LibpcapRequirement.Check("decode", Console.Error) is { } missing)
            {
                return missing;
            }

            var request = new CaptureDecodeRequest(parse.GetRequiredValue(capture).FullName, wire.Bind(parse, profile),
                parse.GetValue(format), parse.GetValue(iq), parse.GetValue(filter));
            using var logging = CliLogging.Create(parse);
            return CaptureDecoding.Run(request, Console.OpenStandardOutput(), Console.Error,
                logging.CreateLogger<CaptureFileReader>());
        });
        return command;
    }
}
