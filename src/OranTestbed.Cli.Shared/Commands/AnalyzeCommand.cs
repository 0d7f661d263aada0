using System.CommandLine;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis;
using OranTestbed.Capture;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed analyze CAPTURE|--interface IF --profile FILE [--oru-config FILE]</c>: judge fronthaul traffic against
/// a profile (issue 3 §5) and, with <c>--oru-config</c>, against what the O-RU states over its M-plane (issue 15 item 4;
/// without <c>--profile</c> that file is the profile too). Exit codes: 0 PASS, 1 FAIL, 2 INCONCLUSIVE, 64 usage or invalid profile (or
/// an --oru-config file that is not a profile: one line), 66 capture file missing or
/// unreadable, 69 interface unavailable, 72 libpcap not installed, 73 report not writable (<see cref="ExitCodes"/>).
/// </summary>
internal sealed class AnalyzeCommand
{
    private readonly Argument<string?> _capture = new("CAPTURE")
    {
        Description = "pcap or pcapng file (Ethernet); omit with --interface",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _interface = new("--interface", "-i")
    {
        Description = "capture live on this interface instead of reading a file (needs root or CAP_NET_RAW)",
    };

    private readonly Option<string?> _netns = new("--netns")
    {
        Description = "with --interface: capture inside this network namespace (name under /run/netns or a path)",
    };

    private readonly Option<FileInfo?> _profile = new("--profile")
    {
        Description = "fronthaul profile (testplans/profiles/*.yaml): wire format, carrier, delay windows, thresholds; "
            + "without it, the --oru-config file is the profile",
    };

    private readonly Option<FileInfo?> _oruConfig = new("--oru-config")
    {
        Description = "what the O-RU states it is configured for (a profile written by 'oran-testbed mplane profile', or "
            + "any profile): the capture is also compared with it (ORU-CONFIG-* findings)",
    };

    private readonly Option<string?> _tap = new("--tap")
    {
        Description = "where the traffic was captured, overriding the profile: ru (T2a/Ta3 windows) or du (T1a/Ta4)",
    };

    private readonly Option<FileInfo?> _json = new("--json") { Description = "write the JSON report to this file" };

    private readonly Option<FileInfo?> _html = new("--html")
    {
        Description = "write a self-contained HTML report (timing histograms as SVG) to this file",
    };

    private readonly Option<bool> _iq = new("--iq")
    {
        Description = "IQ statistics: decompress U-plane and report mean power, peak (dBFS) and clipping per eAxC and direction",
    };

    private readonly Option<string?> _duration = new("--duration")
    {
        Description = "live: stop after this long (e.g. 10s, 500ms, 2m; Ctrl+C also stops); file: analyze only this much capture time (also us, ns)",
    };

    private readonly Option<string?> _filter = new("--filter") { Description = "BPF filter, e.g. 'vlan 2'" };

    private AnalyzeCommand()
    {
        _tap.AcceptOnlyFromAmong("ru", "du");
    }

    public static Command Create()
    {
        var symbols = new AnalyzeCommand();
        var command = symbols.Build();
        command.SetAction(parse => RunFromConsole(symbols, parse));
        return command;
    }

    /// <summary>Parses <paramref name="args"/> (without the leading <c>analyze</c>) and runs: the handler the tests call.</summary>
    internal static Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter diagnostics,
        TimeSpan? progressInterval = null, CancellationToken cancellationToken = default)
    {
        var symbols = new AnalyzeCommand();
        var parse = symbols.Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                diagnostics.WriteLine($"oran-testbed analyze: {error.Message}");
            }

            return Task.FromResult(ExitCodes.Usage);
        }

        return symbols.RunAsync(parse, output, diagnostics, null, progressInterval, cancellationToken);
    }

    private static int RunFromConsole(AnalyzeCommand symbols, ParseResult parse)
    {
        using var stop = new CancellationTokenSource();

        // Ctrl+C stops gracefully (the report is still written); a second Ctrl+C kills the process as usual.
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                stop.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            using var logging = CliLogging.Create(parse);
            return symbols.RunAsync(parse, Console.Out, Console.Error, logging, null, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private Command Build()
    {
        var command = new Command("analyze",
            "Judge fronthaul traffic (capture file or live interface) against a profile: timing windows, sequence, rules; "
            + "exit 0 PASS, 1 FAIL, 2 INCONCLUSIVE, 64 usage/profile error, 66 capture unreadable, 69 interface unavailable, 72 libpcap missing, 73 report not writable")
        {
            _capture, _interface, _netns, _profile, _oruConfig, _tap, _json, _html, _iq, _duration, _filter,
        };
        CommandFiles.RefuseOverwriting(command, CommandFiles.Input(_capture), CommandFiles.Input(_profile, f => f?.FullName),
            CommandFiles.Input(_oruConfig, f => f?.FullName),
            CommandFiles.Output(_json), CommandFiles.Output(_html));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, TextWriter output, TextWriter diagnostics,
        ILoggerFactory? logging, TimeSpan? progressInterval, CancellationToken cancellationToken)
    {
        string? capture = parse.GetValue(_capture);
        string? iface = parse.GetValue(_interface);
        string? netns = parse.GetValue(_netns);
        if ((capture is null) == (iface is null))
        {
            diagnostics.WriteLine("oran-testbed analyze: give either a CAPTURE file or --interface IF, not both or neither");
            return ExitCodes.Usage;
        }

        if (netns is not null && iface is null)
        {
            diagnostics.WriteLine("oran-testbed analyze: --netns needs --interface");
            return ExitCodes.Usage;
        }

        if ((iface is not null || Libpcap.IsNeededToRead(capture!, parse.GetValue(_filter)))
            && LibpcapRequirement.Check("analyze", diagnostics) is { } missing)
        {
            return missing;
        }

        long? duration = null;
        if (parse.GetValue(_duration) is { } text)
        {
            if (!AnalyzeDuration.TryParseNanoseconds(text, out long parsed))
            {
                diagnostics.WriteLine($"oran-testbed analyze: --duration '{text}' is not a positive duration (e.g. 10s, 500ms, 2m, 250us)");
                return ExitCodes.Usage;
            }

            duration = parsed;
        }

        string? profilePath = parse.GetValue(_profile)?.FullName;
        string? oruPath = parse.GetValue(_oruConfig)?.FullName;
        if (profilePath is null && oruPath is null)
        {
            diagnostics.WriteLine("oran-testbed analyze: give --profile FILE, --oru-config FILE (the O-RU's stated configuration, then also the profile), or both");
            return ExitCodes.Usage;
        }

        FronthaulProfile? oru = null;
        if (oruPath is not null)
        {
            try
            {
                oru = FronthaulProfileLoader.Load(oruPath);
            }
            catch (PlanValidationException ex)
            {
                // One line: the O-RU's statement is not a profile at all, and its first problem (profile check lists all).
                var first = ex.Errors[0];
                diagnostics.WriteLine($"oran-testbed analyze: --oru-config {oruPath}: not a fronthaul profile ({ex.Errors.Length} error(s); 'oran-testbed profile check' lists them): {first}");
                return ExitCodes.Usage;
            }
        }

        FronthaulProfile profile;
        if (profilePath is null)
        {
            profile = oru!;
        }
        else
        {
            try
            {
                profile = FronthaulProfileLoader.Load(profilePath);
            }
            catch (PlanValidationException ex)
            {
                ProfileErrors.Write(diagnostics, "analyze", ex);
                return ExitCodes.Usage;
            }
        }

        if (FronthaulAnalyzer.ProfileError(profile) is { } unusable)
        {
            diagnostics.WriteLine($"oran-testbed analyze: {profilePath ?? oruPath}: {unusable}");
            return ExitCodes.Usage;
        }

        CaptureTap? tap = parse.GetValue(_tap) switch
        {
            "ru" => CaptureTap.Ru,
            "du" => CaptureTap.Du,
            _ => null,
        };
        var request = new AnalyzeRequest(capture is null ? null : Path.GetFullPath(capture), iface, netns, profile, tap,
            parse.GetValue(_json)?.FullName, parse.GetValue(_html)?.FullName, parse.GetValue(_iq), duration,
            parse.GetValue(_filter))
        {
            OruConfiguration = oru,
            ProgressInterval = progressInterval ?? TimeSpan.FromSeconds(1),
        };
        return await AnalyzeRunner.RunAsync(request, output, diagnostics, logging, cancellationToken).ConfigureAwait(false);
    }
}
