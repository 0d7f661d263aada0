using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// The SSH.NET transport against a real NETCONF server (yuma123 netconfd behind OpenSSH sshd): authentication, host
/// key pinning, the subsystem shim, and framing, spoken raw (<see cref="RawNetconf"/>).
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
public sealed class SshNetSubsystemTransportSpecs : NetconfdFixture
{
    private SshTransportOptions Options(SshCredentials? credentials = null, SshHostKeyPolicy? hostKeys = null, string? user = null) =>
        new(new SshEndpoint(NetconfdPeer.Host, user ?? Peer.User, Peer.Port),
            credentials ?? SshCredentials.PasswordFromEnvironment(Peer.PasswordVariable),
            hostKeys ?? SshHostKeyPolicy.KnownHostsFile(Peer.KnownHostsFile));

    [Test]
    public async Task Ssh_transport_must_open_the_netconf_subsystem_with_a_password_and_answer_get_config()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        await netconf.HelloAsync(deadline.Token);
        XElement reply = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);

        Assert.That(transport.Peer, Is.EqualTo($"{Peer.User}@127.0.0.1:{Peer.Port}"));
        Assert.That(reply.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"), reply.ToString);
    }

    [Test]
    public async Task Ssh_transport_must_authenticate_with_a_private_key_file()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(
            Options(SshCredentials.PrivateKeyFile(Peer.KeyFile)), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        await netconf.HelloAsync(deadline.Token);
        XElement reply = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);

        Assert.That(reply.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"), reply.ToString);
    }

    [Test]
    public async Task Ssh_transport_must_unlock_a_private_key_with_the_passphrase_from_the_environment()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(
            Options(SshCredentials.PrivateKeyFile(Peer.PassphraseKeyFile, Peer.PassphraseVariable)), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        XElement hello = await netconf.HelloAsync(deadline.Token);

        Assert.That(hello.Name.LocalName, Is.EqualTo("hello"));
    }

    [Test]
    public void Ssh_transport_must_refuse_a_wrong_password_naming_user_and_host_but_not_the_password()
    {
        const string variable = "ORAN_TESTBED_SPEC_WRONG_PASSWORD";
        const string wrong = "not-the-password-4711";
        Environment.SetEnvironmentVariable(variable, wrong);
        try
        {
            var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
                SshNetSubsystemTransport.ConnectAsync(Options(SshCredentials.PasswordFromEnvironment(variable))));

            Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.AuthenticationFailed), e.Message);
            Assert.That(e.Message, Does.Contain($"{Peer.User}@127.0.0.1:{Peer.Port}"));
            Assert.That(e.Message, Does.Contain("$" + variable));
            Assert.That(e.ToString(), Does.Not.Contain(wrong));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void Ssh_transport_must_say_which_environment_variable_is_missing()
    {
        var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
            SshNetSubsystemTransport.ConnectAsync(Options(SshCredentials.PasswordFromEnvironment("ORAN_TESTBED_SPEC_UNSET_VARIABLE"))));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.CredentialsUnavailable));
        Assert.That(e.Message, Does.Contain("ORAN_TESTBED_SPEC_UNSET_VARIABLE").And.Contain(Peer.User + "@"));
    }

    [Test]
    public void Ssh_transport_must_refuse_an_unknown_host_key()
    {
        string empty = Path.Combine(Peer.Directory, "known_hosts_other_host");
        File.WriteAllText(empty, File.ReadAllText(Peer.KnownHostsFile).Replace($"[127.0.0.1]:{Peer.Port}", "[192.0.2.1]:830", StringComparison.Ordinal));

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
            SshNetSubsystemTransport.ConnectAsync(Options(hostKeys: SshHostKeyPolicy.KnownHostsFile(empty))));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected), e.Message);
        Assert.That(e.Message, Does.Contain($"[127.0.0.1]:{Peer.Port}").And.Contain(Peer.HostKeyFingerprint).And.Contain("unknown host"));
    }

    [Test]
    public async Task Ssh_transport_must_refuse_a_host_key_that_differs_from_known_hosts()
    {
        string other = Path.Combine(Peer.Directory, "other_host_key");
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other);
        string[] key = (await File.ReadAllTextAsync(other + ".pub")).Split(' ');
        string knownHosts = Path.Combine(Peer.Directory, "known_hosts_changed");
        await File.WriteAllTextAsync(knownHosts, $"[127.0.0.1]:{Peer.Port} {key[0]} {key[1]}\n");

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
            SshNetSubsystemTransport.ConnectAsync(Options(hostKeys: SshHostKeyPolicy.KnownHostsFile(knownHosts))));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected), e.Message);
        Assert.That(e.Message, Does.Contain(Peer.HostKeyFingerprint).And.Contain("does not match"));
    }

    [Test]
    public async Task Ssh_transport_must_accept_a_host_key_listed_under_a_hashed_name()
    {
        string hashed = Path.Combine(Peer.Directory, "known_hosts_hashed");
        File.Copy(Peer.KnownHostsFile, hashed, overwrite: true);
        await RunAsync("ssh-keygen", "-q", "-H", "-f", hashed);
        Assert.That(await File.ReadAllTextAsync(hashed), Does.StartWith("|1|"), "ssh-keygen -H hashes the name");

        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(
            Options(hostKeys: SshHostKeyPolicy.KnownHostsFile(hashed)), cancellationToken: deadline.Token);

        Assert.That(transport.HostKey, Does.Contain("found in " + hashed));
    }

    [Test]
    public async Task Ssh_transport_must_accept_the_pinned_fingerprint_that_ssh_keygen_prints()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(
            Options(hostKeys: SshHostKeyPolicy.PinnedFingerprint(Peer.HostKeyFingerprint)), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        XElement hello = await netconf.HelloAsync(deadline.Token);

        Assert.That(hello.Name.LocalName, Is.EqualTo("hello"));
        Assert.That(transport.HostKey, Does.Contain(Peer.HostKeyFingerprint));
    }

    [Test]
    public void Ssh_transport_must_refuse_a_host_key_that_is_not_the_pinned_one()
    {
        string pinned = SshHostKeyFingerprint.Of(new byte[] { 0, 0, 0, 11, (byte)'s', (byte)'s', (byte)'h', (byte)'-', (byte)'e', (byte)'d', (byte)'2', (byte)'5', (byte)'5', (byte)'1', (byte)'9' });

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
            SshNetSubsystemTransport.ConnectAsync(Options(hostKeys: SshHostKeyPolicy.PinnedFingerprint(pinned))));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected));
        Assert.That(e.Message, Does.Contain(pinned).And.Contain(Peer.HostKeyFingerprint).And.Contain($"[127.0.0.1]:{Peer.Port}"));
    }

    [Test]
    public async Task Ssh_transport_must_accept_any_host_key_only_when_asked_to_and_warn_every_time()
    {
        using var logs = new CapturingLoggerFactory();
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(
            Options(hostKeys: SshHostKeyPolicy.AcceptAnyHostKey), logs, deadline.Token);

        Assert.That(transport.HostKey, Does.StartWith("INSECURE").And.Contain(Peer.HostKeyFingerprint));
        Assert.That(logs.Entries, Has.Some.Matches<(LogLevel Level, EventId Id, string Message)>(e =>
            e.Level == LogLevel.Warning && e.Id.Name == "SshHostKeyNotChecked" && e.Message.Contains(Peer.HostKeyFingerprint, StringComparison.Ordinal)));
    }

    [Test]
    public async Task Ssh_transport_must_log_the_connection_without_the_password()
    {
        using var logs = new CapturingLoggerFactory();
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using (await SshNetSubsystemTransport.ConnectAsync(Options(), logs, deadline.Token))
        {
        }

        Assert.That(logs.Entries.Select(e => e.Id.Name), Does.Contain("SshConnecting").And.Contain("SshConnected"));
        Assert.That(logs.Entries.Select(e => e.Message), Has.None.Contains(Peer.Password));
        Assert.That(logs.Entries.Select(e => e.Message), Has.Some.Contains("$" + Peer.PasswordVariable));
    }

    [Test]
    public void Ssh_transport_must_report_a_refused_connection_as_unreachable()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = Options() with { Endpoint = new SshEndpoint(NetconfdPeer.Host, Peer.User, closedPort) };
        var e = Assert.ThrowsAsync<MplaneConnectionException>(() => SshNetSubsystemTransport.ConnectAsync(options));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.Unreachable), e.Message);
        Assert.That(e.Message, Does.Contain("refused").And.Contain($"127.0.0.1:{closedPort}"));
    }

    [Test]
    public async Task Ssh_transport_must_carry_nacm_access_denied_for_the_non_superuser_account()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(user: Peer.OperatorUser), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);
        await netconf.HelloAsync(deadline.Token);

        XElement read = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);
        XElement write = await netconf.RpcAsync(
            "<edit-config><target><candidate/></target><config><interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\">" +
            "<interface><name>eth0</name><description>not allowed</description></interface></interfaces></config></edit-config>", deadline.Token);

        Assert.That(read.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"), "NACM default: read permitted");
        Assert.That(write.Descendants(RawNetconf.Nc + "error-tag").Select(t => t.Value), Does.Contain("access-denied"), write.ToString);
    }

    [Test]
    public void Ssh_transport_must_report_a_subsystem_the_server_refuses()
    {
        var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
            SshNetSubsystemTransport.ConnectAsync(Options() with { Subsystem = "no-such-subsystem" }));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.SubsystemRefused), e.Message);
        Assert.That(e.Message, Does.Contain("no-such-subsystem"));
    }

    [Test]
    public async Task Ssh_transport_must_see_o_ran_uplane_conf_revision_2024_12_23_in_the_server_hello()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        await netconf.HelloAsync(deadline.Token);

        Assert.That(netconf.ServerCapabilities, Has.Some.StartsWith("urn:o-ran:uplane-conf:1.0?")
            .And.Contains("module=o-ran-uplane-conf").And.Contains("revision=2024-12-23"));
        Assert.That(netconf.Framing, Is.EqualTo(NetconfFraming.Chunked), "both sides said base:1.1");
    }

    [Test]
    public async Task Ssh_transport_must_round_trip_a_non_ascii_value_in_chunked_framing()
    {
        const string description = "Fronthaul Ω — Zürich 東京 🛰";
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);
        await netconf.HelloAsync(deadline.Token);
        Assert.That(netconf.Framing, Is.EqualTo(NetconfFraming.Chunked));

        XElement edit = await netconf.RpcAsync(
            "<edit-config><target><candidate/></target><config>" +
            "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"><interface><name>eth0</name>" +
            $"<description>{description}</description></interface></interfaces></config></edit-config>", deadline.Token);
        XElement read = await netconf.RpcAsync(
            "<get-config><source><candidate/></source><filter type=\"subtree\">" +
            "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"/></filter></get-config>", deadline.Token);
        await netconf.RpcAsync("<discard-changes/>", deadline.Token);

        Assert.That(edit.Element(RawNetconf.Nc + "ok"), Is.Not.Null, edit.ToString);
        Assert.That(read.Descendants(RawNetconf.Interfaces + "description").Select(d => d.Value), Does.Contain(description), read.ToString);
    }

    [Test]
    public async Task Ssh_transport_must_end_input_when_the_server_closes_the_session()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);
        await netconf.HelloAsync(deadline.Token);

        XElement reply = await netconf.RpcAsync("<close-session/>", deadline.Token);
        XElement? after = await netconf.ReadAsync(deadline.Token);

        Assert.That(reply.Element(RawNetconf.Nc + "ok"), Is.Not.Null, reply.ToString);
        Assert.That(after, Is.Null, "Input ends cleanly once the server closed the channel");
        Assert.ThrowsAsync<IOException>(async () => await transport.Output.WriteAsync(new byte[] { 1 }));
    }

    /// <summary>Connect-to-server-hello time over SSH.NET on loopback, reported (not asserted: timing is not a spec).</summary>
    [Test]
    public async Task Ssh_transport_must_deliver_the_server_hello_in_a_few_connects_in_a_row()
    {
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
            var clock = Stopwatch.StartNew();
            await using var transport = await SshNetSubsystemTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
            using var netconf = new RawNetconf(transport);
            XElement? hello = await netconf.ReadAsync(deadline.Token);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.That(hello?.Name.LocalName, Is.EqualTo("hello"));
        }

        await TestContext.Out.WriteLineAsync($"SSH.NET connect -> server hello (ms): {string.Join(", ", times.Select(t => t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{program}: {error}");
    }
}
