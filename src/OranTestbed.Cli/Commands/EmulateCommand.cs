using System.CommandLine;
using OranTestbed.Emulation;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed emulate --profile FILE --du VENDOR/PRODUCT --ru VENDOR/PRODUCT [--seed N] [--duration D]
/// [--tap ru|du] (--out FILE | --interface IF [--netns NS]) [--analyze]</c> (or <c>--analyze</c> alone): an emulated O-DU / O-RU pair with vendor
/// personalities (issue 4), written to a nanosecond pcap or injected live in real time; <c>--analyze</c> also judges
/// the traffic in-process. Exit codes: 0 done (with --analyze: PASS), 1 FAIL, 2 INCONCLUSIVE, 64 usage, invalid profile
/// or personality, 69 interface unavailable, 73 output not writable.
/// </summary>
internal sealed class EmulateCommand
{
    private readonly Option<FileInfo> _profile = new("--profile")
    {
        Description = "fronthaul profile (testplans/profiles/*.yaml) the two products agreed on",
        Required = true,
    };

    private readonly Option<string> _du = new("--du")
    {
        Description = "the O-DU's personality, VENDOR/PRODUCT (e.g. xylem/xd-100)",
        Required = true,
    };

    private readonly Option<string> _ru = new("--ru")
    {
        Description = "the O-RU's personality, VENDOR/PRODUCT (e.g. ymir/yr-400)",
        Required = true,
    };

    private readonly Option<string> _personalities = new("--personalities")
    {
        Description = "folder of the personality files VENDOR/PRODUCT.yaml",
        DefaultValueFactory = _ => PersonalityLoader.DefaultFolder,
    };

    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "seed of every random stream (timing, defects, IQ): same seed, same traffic",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string> _duration = new("--duration")
    {
        Description = "air time to emulate (e.g. 100ms, 2s)",
        DefaultValueFactory = _ => "100ms",
    };

    private readonly Option<string?> _tap = new("--tap")
    {
        Description = "where the frames are observed: ru (O-RU port) or du (O-DU port); default the profile's, else ru",
    };

    private readonly Option<FileInfo?> _out = new("--out") { Description = "write a nanosecond pcap file" };

    private readonly Option<string?> _interface = new("--interface", "-i")
    {
        Description = "inject the frames live on this interface, paced in real time (needs root or CAP_NET_RAW)",
    };

    private readonly Option<string?> _netns = new("--netns")
    {
        Description = "with --interface: inject inside this network namespace (name under /run/netns or a path)",
    };

    private readonly Option<bool> _analyze = new("--analyze")
    {
        Description = "judge the emulated traffic in-process and exit with its verdict; alone, or beside --out or --interface",
    };

    private EmulateCommand()
    {
        _tap.AcceptOnlyFromAmong("ru", "du");
    }

    public static Command Create()
    {
        var symbols = new EmulateCommand();
        var command = symbols.Build();
        command.SetAction(parse => symbols.Run(parse, Console.Out, Console.Error, CancellationToken.None));
        return command;
    }

    /// <summary>Parses <paramref name="args"/> (without the leading <c>emulate</c>) and runs: the handler the tests call.</summary>
    internal static int Invoke(IReadOnlyList<string> args, TextWriter output, TextWriter diagnostics,
        CancellationToken cancellationToken = default)
    {
        var symbols = new EmulateCommand();
        var parse = symbols.Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                diagnostics.WriteLine($"oran-testbed emulate: {error.Message}");
            }

            return ExitCodes.Usage;
        }

        return symbols.Run(parse, output, diagnostics, cancellationToken);
    }

    private Command Build()
    {
        var command = new Command("emulate",
            "Emulate an O-DU / O-RU pair with vendor personalities for a profile: write a pcap (--out), inject live "
            + "(--interface) and/or judge it in-process (--analyze). Exit 0 done or PASS, 1 FAIL, 2 INCONCLUSIVE, 64 usage/profile/"
            + "personality error, 69 interface unavailable, 72 libpcap missing (--interface), 73 output not writable")
        {
            _profile, _du, _ru, _personalities, _seed, _duration, _tap, _out, _interface, _netns, _analyze,
        };
        CommandFiles.RefuseOverwriting(command, CommandFiles.Input(_profile, f => f.FullName), CommandFiles.Output(_out));
        return command;
    }

    private int Run(ParseResult parse, TextWriter output, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        var outFile = parse.GetValue(_out);
        string? iface = parse.GetValue(_interface);
        string? netns = parse.GetValue(_netns);
        bool analyze = parse.GetValue(_analyze);
        if (outFile is not null && iface is not null)
        {
            diagnostics.WriteLine("oran-testbed emulate: give --out FILE or --interface IF, not both");
            return ExitCodes.Usage;
        }

        if (outFile is null && iface is null && !analyze)
        {
            diagnostics.WriteLine("oran-testbed emulate: give --out FILE, --interface IF or --analyze");
            return ExitCodes.Usage;
        }

        if (netns is not null && iface is null)
        {
            diagnostics.WriteLine("oran-testbed emulate: --netns needs --interface");
            return ExitCodes.Usage;
        }

        // Files are written without libpcap; injection needs it.
        if (iface is not null && LibpcapRequirement.Check("emulate", diagnostics) is { } missing)
        {
            return missing;
        }

        string durationText = parse.GetValue(_duration)!;
        if (!DurationText.TryParse(durationText, out long durationNs, out string? durationError) || durationNs <= 0)
        {
            diagnostics.WriteLine($"oran-testbed emulate: --duration '{durationText}': {durationError ?? "must be positive"}");
            return ExitCodes.Usage;
        }

        FronthaulProfile profile;
        Personality du, ru;
        try
        {
            profile = FronthaulProfileLoader.Load(parse.GetRequiredValue(_profile).FullName);
            string folder = parse.GetValue(_personalities)!;
            du = PersonalityLoader.LoadById(folder, parse.GetRequiredValue(_du));
            ru = PersonalityLoader.LoadById(folder, parse.GetRequiredValue(_ru));
        }
        catch (PlanValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                diagnostics.WriteLine($"{error}");
            }

            diagnostics.WriteLine($"oran-testbed emulate: {ex.Errors.Length} error(s) in the profile or personalities");
            return ExitCodes.Usage;
        }

        var options = new EmulationOptions
        {
            Profile = profile,
            Du = du,
            Ru = ru,
            Seed = parse.GetValue(_seed),
            DurationNanoseconds = durationNs,
            Tap = parse.GetValue(_tap) switch
            {
                "ru" => CaptureTap.Ru,
                "du" => CaptureTap.Du,
                _ => null,
            },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            diagnostics.WriteLine($"oran-testbed emulate: {ex.Message}");
            return ExitCodes.Usage;
        }

        var request = new EmulateRequest(options, outFile?.FullName, iface, netns, analyze);
        return EmulateRunner.Run(request, output, diagnostics, cancellationToken);
    }
}
