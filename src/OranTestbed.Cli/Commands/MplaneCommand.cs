using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed mplane serve</c>: the emulated O-RU's M-plane, a NETCONF server with the personality's O-RAN
/// behaviour. <c>--stdio</c> serves one session on standard input/output, so OpenSSH's sshd can run it as its netconf
/// subsystem (<c>Subsystem netconf oran-testbed mplane serve --stdio --personality V/P</c>): nothing but NETCONF goes to
/// standard output, diagnostics go to standard error. <c>--call-home HOST:PORT</c> dials a controller instead (raw
/// TCP) and dials again every <c>--call-home-retry</c> while nobody answers. <c>--account USER=GROUP</c> (repeatable) turns
/// NACM on (RFC 8341, the O-RAN groups sudo, smo, hybrid-odu, nms, fm-pm, swm): each session is its user's (under sshd the
/// SSH user) and may do what the group may; a user not listed may read, not write. Exit 0 when the session ended (close-session,
/// the client gone, kill-session, a supervision failure), 64 usage/personality error, 65 the client broke NETCONF,
/// 66 YANG modules missing.
/// </summary>
internal sealed class MplaneCommand
{
    private readonly Option<bool> _stdio = new("--stdio")
    {
        Description = "serve one NETCONF session on standard input/output (an sshd netconf subsystem)",
    };

    private readonly Option<string?> _callHome = new("--call-home")
    {
        Description = "dial the controller at HOST:PORT (raw TCP, RFC 8071) and serve the session there",
    };

    private readonly Option<string> _callHomeRetry = new("--call-home-retry")
    {
        Description = "with --call-home: dial again after this long while nobody answers",
        DefaultValueFactory = _ => "60s",
    };

    private readonly Option<string[]> _accounts = new("--account")
    {
        Description = "USER=GROUP, repeatable: turn NACM on with USER in GROUP (" + string.Join(", ", NacmGroups.Known)
            + "); a session's user is the SSH user under sshd; users not listed may read, not write. None: everyone is sudo",
    };

    private readonly Option<string> _personality = new("--personality")
    {
        Description = "the O-RU's personality, VENDOR/PRODUCT (e.g. ymir/yr-400)",
        Required = true,
    };

    private readonly Option<string> _personalities = new("--personalities")
    {
        Description = "folder of the personality files VENDOR/PRODUCT.yaml",
        DefaultValueFactory = _ => PersonalityLoader.DefaultFolder,
    };

    private readonly Option<string> _yang = new("--yang")
    {
        Description = "folder of the YANG modules the O-RU serves (get-schema returns their text)",
        DefaultValueFactory = _ => YangCatalog.DefaultFolder,
    };

    public static Command Create()
    {
        var symbols = new MplaneCommand();
        var serve = new Command("serve",
            "Serve the emulated O-RU's M-plane (NETCONF with O-RAN behaviour) on standard input/output (--stdio) or by "
            + "calling home (--call-home HOST:PORT); --account USER=GROUP turns NACM access control on. Exit 0 session ended, 64 usage/personality error, 65 the client broke "
            + "NETCONF, 66 YANG modules missing")
        {
            symbols._stdio, symbols._callHome, symbols._callHomeRetry, symbols._accounts, symbols._personality, symbols._personalities,
            symbols._yang,
        };
        serve.SetAction((parse, token) => symbols.RunAsync(parse, Console.Error, token));
        return new Command("mplane", "The O-RAN M-plane (NETCONF): the emulated O-RU's server, an O-RU's profile read over it")
        {
            serve, MplaneProfileCommand.Create(),
        };
    }

    private async Task<int> RunAsync(ParseResult parse, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        const string Name = "oran-testbed mplane serve";
        bool stdio = parse.GetValue(_stdio);
        string? callHome = parse.GetValue(_callHome);
        if (stdio == callHome is not null)
        {
            diagnostics.WriteLine($"{Name}: give --stdio or --call-home HOST:PORT (one of them)");
            return ExitCodes.Usage;
        }

        (string Host, int Port) controller = ("", 0);
        if (callHome is not null && !TryParseEndpoint(callHome, out controller))
        {
            diagnostics.WriteLine($"{Name}: --call-home '{callHome}' is not HOST:PORT (port 1..65535)");
            return ExitCodes.Usage;
        }

        string retryText = parse.GetValue(_callHomeRetry)!;
        if (!DurationText.TryParse(retryText, out long retryNs, out string? retryError) || retryNs < 1_000_000)
        {
            diagnostics.WriteLine($"{Name}: --call-home-retry '{retryText}': {retryError ?? "must be at least 1ms"}");
            return ExitCodes.Usage;
        }

        if (!TryParseAccounts(parse.GetValue(_accounts) ?? [], out var accounts, out string? accountError))
        {
            diagnostics.WriteLine($"{Name}: {accountError}");
            return ExitCodes.Usage;
        }

        Personality personality;
        try
        {
            personality = PersonalityLoader.LoadById(parse.GetValue(_personalities)!, parse.GetRequiredValue(_personality));
        }
        catch (PlanValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                diagnostics.WriteLine($"{error}");
            }

            diagnostics.WriteLine($"{Name}: {ex.Errors.Length} error(s) in the personality");
            return ExitCodes.Usage;
        }

        if (personality.Role != NodeRole.Ru)
        {
            diagnostics.WriteLine($"{Name}: {personality.Id} is an O-DU; the M-plane server emulates an O-RU");
            return ExitCodes.Usage;
        }

        YangCatalog yang;
        try
        {
            yang = YangCatalog.Load(parse.GetValue(_yang)!);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            diagnostics.WriteLine($"{Name}: {ex.Message} (--yang DIR names the folder of testplans/yang)");
            return ExitCodes.NoInput;
        }

        using var logging = CliLogging.Create(parse);
        using var server = new OruMplaneServer(new MplaneServerOptions
        {
            Personality = personality,
            Yang = yang,
            LoggerFactory = logging,
            Accounts = accounts,
        });
        SessionResult result;
        if (stdio)
        {
            await using var input = Console.OpenStandardInput();
            await using var output = Console.OpenStandardOutput();
            result = await server.ServeAsync(input, output, "stdio", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var dialer = new CallHomeDialer(server, controller.Host, controller.Port, TimeSpan.FromTicks(retryNs / 100));
            result = await dialer.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.End == SessionEnd.ProtocolError)
        {
            diagnostics.WriteLine($"{Name}: the client broke NETCONF: {result.Detail}");
            return ExitCodes.DataError;
        }

        return ExitCodes.Success;
    }

    /// <summary>USER=GROUP pairs: a user once, a known group.</summary>
    private static bool TryParseAccounts(string[] texts, out ImmutableDictionary<string, string> accounts, out string? error)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        accounts = builder.ToImmutable();
        error = null;
        foreach (string text in texts)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string user = equals > 0 ? text[..equals].Trim() : "";
            string group = equals > 0 ? text[(equals + 1)..].Trim() : "";
            if (user.Length == 0 || !NacmGroups.IsKnown(group))
            {
                error = $"--account '{text}' is not USER=GROUP with GROUP one of {string.Join(", ", NacmGroups.Known)}";
                return false;
            }

            if (!builder.TryAdd(user, group))
            {
                error = $"--account '{text}': {user} already has an account ({builder[user]})";
                return false;
            }
        }

        accounts = builder.ToImmutable();
        return true;
    }

    private static bool TryParseEndpoint(string text, out (string Host, int Port) endpoint)
    {
        endpoint = ("", 0);
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        endpoint = (text[..colon].Trim('[', ']'), port);
        return true;
    }
}
