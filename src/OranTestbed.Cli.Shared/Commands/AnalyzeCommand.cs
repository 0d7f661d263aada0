using System.CommandLine;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis;
using OranTestbed.Capture;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed analyze CAPTURE|--interface IF --profile FILE</c>: judge fronthaul traffic against a profile
/// (issue 3 §5). Exit codes: 0 PASS, 1 FAIL, 2 INCONCLUSIVE, 64 usage or invalid profile, 66 capture file missing or
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

    private readonly Option<FileInfo> _profile = new("--profile")
    {
        Description = "fronthaul profile (testplans/profiles/*.yaml): wire format, carrier, delay windows, thresholds",
        Required = true,
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
            _capture, _interface, _netns, _profile, _tap, _json, _html, _iq, _duration, _filter,
        };
        CommandFiles.RefuseOverwriting(command, CommandFiles.Input(_capture), CommandFiles.Input(_profile, f => f.FullName),
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

        FronthaulProfile profile;
        try
        {
            profile = FronthaulProfileLoader.Load(parse.GetRequiredValue(_profile).FullName);
        }
        catch (PlanValidationException ex)
        {
            ProfileErrors.Write(diagnostics, "analyze", ex);
            return ExitCodes.Usage;
        }

        if (FronthaulAnalyzer.ProfileError(profile) is { } unusable)
        {
            diagnostics.WriteLine($"oran-testbed analyze: {parse.GetRequiredValue(_profile).FullName}: {unusable}");
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
            ProgressInterval = progressInterval ?? TimeSpan.FromSeconds(1),
        };
        return await AnalyzeRunner.RunAsync(request, output, diagnostics, logging, cancellationToken).ConfigureAwait(false);
    }
}
