using System.CommandLine;
using System.CommandLine.Parsing;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// The wire-configuration options shared by commands that decode fronthaul (eAxC split, compression...). With
/// <c>--profile</c> the profile gives them, and an option written on the command line overrides the profile's value
/// (<c>--comp-hdr</c> then sets both directions, and <c>--dl-comp-hdr</c> / <c>--ul-comp-hdr</c> one direction over it:
/// real set-ups mix dynamic DL udCompHdr with static UL).
/// </summary>
internal sealed class DecodeOptionsBinder
{
    public Option<FileInfo?> Profile { get; } = new("--profile")
    {
        Description = "fronthaul profile (testplans/profiles/*.yaml) giving the wire options; options written here override it",
    };

    public Option<EaxcBitWidths> EaxcBits { get; } = new("--eaxc-bits")
    {
        Description = "eAxC id split D,B,C,R (DU port, band sector, CC, RU port bits; sum 16)",
        DefaultValueFactory = _ => EaxcBitWidths.Default,
        CustomParser = r => Parse(r, EaxcBitWidths.Parse),
    };

    public Option<UdCompHdr> DownlinkCompression { get; } = new("--dl-comp")
    {
        Description = "static DL U-plane compression METHOD:WIDTH (none|bfp|block-scaling|mu-law|modulation)",
        DefaultValueFactory = _ => FronthaulDecodeOptions.Default.DownlinkCompression,
        CustomParser = r => Parse(r, CompressionMethodNames.ParseFormat),
    };

    public Option<UdCompHdr> UplinkCompression { get; } = new("--ul-comp")
    {
        Description = "static UL U-plane compression METHOD:WIDTH",
        DefaultValueFactory = _ => FronthaulDecodeOptions.Default.UplinkCompression,
        CustomParser = r => Parse(r, CompressionMethodNames.ParseFormat),
    };

    public Option<bool> CompHdr { get; } = new("--comp-hdr")
    {
        Description = "U-plane sections of both directions carry udCompHdr (dynamic compression)",
    };

    public Option<bool> DownlinkCompHdr { get; } = new("--dl-comp-hdr")
    {
        Description = "DL U-plane sections carry udCompHdr (true/false; overrides --comp-hdr for DL)",
    };

    public Option<bool> UplinkCompHdr { get; } = new("--ul-comp-hdr")
    {
        Description = "UL U-plane sections carry udCompHdr (true/false; overrides --comp-hdr for UL)",
    };

    public Option<int> Prbs { get; } = new("--prbs")
    {
        Description = "carrier width in PRBs that numPrb = 0 stands for",
        DefaultValueFactory = _ => FronthaulDecodeOptions.Default.CarrierPrbs,
        CustomParser = r => ParseInteger(r, "--prbs", 1, 1023),
    };

    public Option<int?> EcpriUdpPort { get; } = new("--ecpri-udp-port")
    {
        Description = "UDP port that carries eCPRI over IP (none is standardised)",
        CustomParser = r => ParseInteger(r, "--ecpri-udp-port", 1, 65535),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(EaxcBits);
        command.Options.Add(DownlinkCompression);
        command.Options.Add(UplinkCompression);
        command.Options.Add(CompHdr);
        command.Options.Add(DownlinkCompHdr);
        command.Options.Add(UplinkCompHdr);
        command.Options.Add(Prbs);
        command.Options.Add(EcpriUdpPort);
    }

    /// <summary>
    /// An integer option in <paramref name="min"/>..<paramref name="max"/>: anything else (too many digits for an
    /// <c>int</c> too) is a parse error naming the option. A validator cannot do this: reading the value of a token the
    /// built-in parser refused throws.
    /// </summary>
    private static int ParseInteger(ArgumentResult result, string option, int min, int max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture,
                out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{option} must be {min}..{max}, got '{(text.Length > 24 ? text[..24] + "…" : text)}'");
        return min;
    }

    /// <summary>
    /// The decoder options: the profile's (see <see cref="LoadProfile"/>) with the options written on the command line
    /// applied over them, or without a profile the options with their defaults.
    /// </summary>
    public FronthaulDecodeOptions Bind(ParseResult parse, FronthaulProfile? profile = null)
    {
        var options = profile?.ToDecodeOptions() ?? new FronthaulDecodeOptions();
        bool Given(Option option) => profile is null || parse.GetResult(option) is { Implicit: false };
        if (Given(EaxcBits))
        {
            options = options with { EaxcBits = parse.GetValue(EaxcBits) };
        }

        if (Given(DownlinkCompression))
        {
            options = options with { DownlinkCompression = parse.GetValue(DownlinkCompression) };
        }

        if (Given(UplinkCompression))
        {
            options = options with { UplinkCompression = parse.GetValue(UplinkCompression) };
        }

        if (Given(CompHdr))
        {
            options = options with { UdCompHdrPresent = parse.GetValue(CompHdr) };
        }

        // One direction over --comp-hdr; without a profile only when written, so --comp-hdr alone keeps both.
        if (parse.GetResult(DownlinkCompHdr) is { Implicit: false })
        {
            options = options with { DownlinkUdCompHdrPresent = parse.GetValue(DownlinkCompHdr) };
        }

        if (parse.GetResult(UplinkCompHdr) is { Implicit: false })
        {
            options = options with { UplinkUdCompHdrPresent = parse.GetValue(UplinkCompHdr) };
        }

        if (Given(Prbs))
        {
            options = options with { CarrierPrbs = parse.GetValue(Prbs) };
        }

        if (Given(EcpriUdpPort))
        {
            options = options with { EcpriUdpPort = (ushort?)parse.GetValue(EcpriUdpPort) };
        }

        return options;
    }

    /// <summary>Loads the <c>--profile</c> file, if one was given.</summary>
    /// <exception cref="PlanValidationException">The profile is invalid.</exception>
    public FronthaulProfile? LoadProfile(ParseResult parse) =>
        parse.GetResult(Profile) is { Implicit: false } result && result.Tokens.Count > 0
            ? FronthaulProfileLoader.Load(result.Tokens[0].Value)
            : null;

    private static T Parse<T>(ArgumentResult result, Func<string, T> parse)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            result.AddError(ex.Message);
            return default!;
        }
    }
}
