using System.CommandLine;
using System.CommandLine.Parsing;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Cli.Commands;

/// <summary>The wire-configuration options shared by commands that decode fronthaul (eAxC split, compression...).</summary>
internal sealed class DecodeOptionsBinder
{
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
        Description = "U-plane sections carry udCompHdr (dynamic compression)",
    };

    public Option<int> Prbs { get; } = new("--prbs")
    {
        Description = "carrier width in PRBs that numPrb = 0 stands for",
        DefaultValueFactory = _ => FronthaulDecodeOptions.Default.CarrierPrbs,
    };

    public Option<int?> EcpriUdpPort { get; } = new("--ecpri-udp-port")
    {
        Description = "UDP port that carries eCPRI over IP (none is standardised)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(EaxcBits);
        command.Options.Add(DownlinkCompression);
        command.Options.Add(UplinkCompression);
        command.Options.Add(CompHdr);
        command.Options.Add(Prbs);
        command.Options.Add(EcpriUdpPort);
        Prbs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1023)
            {
                r.AddError("--prbs must be 1..1023");
            }
        });
        EcpriUdpPort.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 65535)
            {
                r.AddError("--ecpri-udp-port must be 1..65535");
            }
        });
    }

    public FronthaulDecodeOptions Bind(ParseResult parse) => new()
    {
        EaxcBits = parse.GetValue(EaxcBits),
        DownlinkCompression = parse.GetValue(DownlinkCompression),
        UplinkCompression = parse.GetValue(UplinkCompression),
        UdCompHdrPresent = parse.GetValue(CompHdr),
        CarrierPrbs = parse.GetValue(Prbs),
        EcpriUdpPort = (ushort?)parse.GetValue(EcpriUdpPort),
    };

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
