using System.CommandLine;
using System.Globalization;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Mplane;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.CallHome;
using OranTestbed.Mplane.Transport;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed mplane profile --host H --user U (--password-env VAR | --key FILE) (--known-hosts FILE | --host-key FP |
/// --insecure-accept-host-key) --out FILE</c>: reads what an O-RU says over its M-plane it is configured for (user-plane
/// configuration, processing element, delay profile) and writes it as a fronthaul profile YAML that <c>analyze</c> and the
/// plans take. Exit 0 written, 64 usage, 65 the O-RU's data is not a complete fronthaul (what is missing is listed),
/// 69 the O-RU cannot be reached or refuses us, 73 the file cannot be written.
/// </summary>
internal static class MplaneProfileCommand
{
    public static Command Create()
    {
        var host = new Option<string?>("--host") { Description = "the O-RU's address (or --call-home)" };
        var port = new Option<int?>("--port") { Description = "NETCONF over SSH port (830), or with --call-home the port to listen on (4334)" };
        var user = new Option<string>("--user") { Description = "the SSH user", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "the environment variable that holds the password" };
        var key = new Option<string?>("--key") { Description = "a private key file" };
        var passphraseEnv = new Option<string?>("--passphrase-env") { Description = "the environment variable that holds the key's passphrase" };
        var knownHosts = new Option<string?>("--known-hosts") { Description = "an OpenSSH known_hosts file the O-RU's host key must be in" };
        var hostKey = new Option<string?>("--host-key") { Description = "the O-RU's host key fingerprint (SHA256:..., as ssh-keygen -lf prints it)" };
        var insecure = new Option<bool>("--insecure-accept-host-key") { Description = "accept any host key (bring-up only)" };
        var callHome = new Option<bool>("--call-home") { Description = "wait on port 4334 (or --port) for the O-RU to call home (RFC 8071)" };
        var tdd = new Option<string?>("--tdd-pattern") { Description = "the TDD slots (e.g. DDDSU), which the M-plane does not carry" };
        var special = new Option<string?>("--special-slot") { Description = "the special slot's DL:guard:UL symbols (e.g. 10:2:2)" };
        var name = new Option<string?>("--name") { Description = "the profile's name (default: the output file's name)" };
        var timeout = new Option<string>("--timeout") { Description = "connect and RPC timeout", DefaultValueFactory = _ => "30s" };
        var output = new Option<FileInfo>("--out") { Description = "the profile YAML to write", Required = true };
        var command = new Command("profile", "Read an O-RU's configuration and delay profile over its M-plane as a fronthaul profile")
        {
            host, port, user, passwordEnv, key, passphraseEnv, knownHosts, hostKey, insecure, callHome, tdd, special, name, timeout, output,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(passwordEnv) is null) == (result.GetValue(key) is null))
            {
                result.AddError("give one of --password-env VAR or --key FILE (a password is never given on the command line)");
            }

            int ways = (result.GetValue(knownHosts) is null ? 0 : 1) + (result.GetValue(hostKey) is null ? 0 : 1) + (result.GetValue(insecure) ? 1 : 0);
            if (ways != 1)
            {
                result.AddError("check the O-RU's host key one way: --known-hosts FILE, --host-key SHA256:... or --insecure-accept-host-key");
            }

            if (result.GetValue(host) is null && !result.GetValue(callHome))
            {
                result.AddError("give --host ADDRESS, or --call-home");
            }
        });
        command.SetAction(async (parse, cancel) =>
        {
            if (!DurationText.TryParse(parse.GetRequiredValue(timeout), out long ns, out string? durationError) || ns <= 0)
            {
                Console.Error.WriteLine($"oran-testbed mplane profile: --timeout: {durationError ?? "must be longer than 0"}");
                return ExitCodes.Usage;
            }

            SpecialSlotSplit? split = null;
            if (parse.GetValue(special) is { } text)
            {
                var parts = text.Split(':');
                if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    Console.Error.WriteLine($"oran-testbed mplane profile: --special-slot: '{text}' is not DL:GUARD:UL symbols (e.g. 10:2:2)");
                    return ExitCodes.Usage;
                }

                split = new SpecialSlotSplit(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                    int.Parse(parts[2], CultureInfo.InvariantCulture));
            }

            var limit = TimeSpan.FromTicks(ns / 100);
            bool waits = parse.GetValue(callHome);
            var target = new MplaneTarget(parse.GetValue(host), parse.GetValue(port) ?? (waits ? CallHomeOptions.DefaultPort : 830),
                parse.GetRequiredValue(user))
            {
                PasswordVariable = parse.GetValue(passwordEnv),
                KeyFile = parse.GetValue(key),
                PassphraseVariable = parse.GetValue(passphraseEnv),
                KnownHostsFile = parse.GetValue(knownHosts),
                HostKeyFingerprint = parse.GetValue(hostKey),
                AcceptAnyHostKey = parse.GetValue(insecure),
                CallHome = waits,
                ConnectTimeout = limit,
            };
            var file = parse.GetRequiredValue(output);
            return await RunAsync(target, limit, parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(file.Name),
                parse.GetValue(tdd), split, file.FullName, Console.Out, Console.Error, cancel).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(MplaneTarget target, TimeSpan timeout, string name, string? tddSlots, SpecialSlotSplit? special,
        string file, TextWriter output, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        const string me = "oran-testbed mplane profile";
        System.Xml.Linq.XElement data;
        string oru;
        DateTimeOffset readAt;
        try
        {
            await using var transport = await target.ConnectAsync(null, cancellationToken).ConfigureAwait(false);
            await using var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default with
            {
                HelloTimeout = timeout,
                RpcTimeout = timeout,
            }, cancellationToken).ConfigureAwait(false);
            data = await session.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            readAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero); // as the file keeps it
            var inventory = OruInventory.Read(data);
            oru = $"{inventory.Manufacturer ?? "?"} {inventory.Model ?? "?"} at {target}";
            await session.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (MplaneFailure.Is(e) || e is InvalidOperationException)
        {
            diagnostics.WriteLine($"{me}: {target}: {e.Message}");
            return ExitCodes.Unavailable;
        }

        FronthaulProfile profile;
        try
        {
            profile = OruProfileReader.Read(data, name, tddSlots, special);
        }
        catch (FormatException e)
        {
            diagnostics.WriteLine($"{me}: {oru}: {e.Message}");
            return ExitCodes.DataError;
        }

        profile = profile with { Source = new ProfileSource(target.ToString(), readAt) };
        string yaml = FronthaulProfileWriter.Write(profile, [$"Read over the M-plane from {oru}", $"on {readAt:yyyy-MM-dd HH:mm:ss} UTC by oran-testbed mplane profile"]);
        try
        {
            await File.WriteAllTextAsync(file, yaml, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(file);
            diagnostics.WriteLine($"{me}: cannot write {file}: {e.Message}");
            return ExitCodes.CannotCreate;
        }

        output.WriteLine($"wrote {file}: {profile.Carrier.SubcarrierSpacingKHz} kHz, {profile.Carrier.Prbs} PRBs, eAxC {profile.EaxcBits}, "
                         + $"DL {profile.DownlinkCompression}, UL {profile.UplinkCompression}, from {oru}");
        return ExitCodes.Success;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // what is left is incomplete either way; the message says the write failed
        }
    }
}
