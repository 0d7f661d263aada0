using System.Diagnostics;
using System.Xml.Linq;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>The OpenSSH fallback transport against the real netconfd peer: the same hello and get-config, the same failure kinds.</summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
public sealed class OpenSshProcessTransportSpecs : NetconfdFixture
{
    private SshTransportOptions Options(SshCredentials? credentials = null, string? knownHosts = null) =>
        new(new SshEndpoint(NetconfdPeer.Host, Peer.User, Peer.Port),
            credentials ?? SshCredentials.PrivateKeyFile(Peer.KeyFile),
            SshHostKeyPolicy.KnownHostsFile(knownHosts ?? Peer.KnownHostsFile));

    [Test]
    public async Task OpenSsh_transport_must_exchange_hellos_and_answer_get_config_with_a_key()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await OpenSshProcessTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        await netconf.HelloAsync(deadline.Token);
        XElement reply = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);

        Assert.That(netconf.ServerCapabilities, Has.Some.Contains("module=o-ran-uplane-conf").And.Contains("revision=2024-12-23"));
        Assert.That(reply.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"), reply.ToString);
    }

    [Test]
    public async Task OpenSsh_transport_must_pass_the_password_through_askpass_from_the_environment()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await OpenSshProcessTransport.ConnectAsync(
            Options(SshCredentials.PasswordFromEnvironment(Peer.PasswordVariable)), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        XElement hello = await netconf.HelloAsync(deadline.Token);
        XElement reply = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);

        Assert.That(hello.Name.LocalName, Is.EqualTo("hello"));
        Assert.That(reply.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"));
        Assert.That(CommandLineOf(transport.ProcessId), Does.Not.Contain(Peer.Password), "the password is on no command line");
    }

    [Test]
    public async Task OpenSsh_transport_must_unlock_a_key_with_the_passphrase_through_askpass()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var transport = await OpenSshProcessTransport.ConnectAsync(
            Options(SshCredentials.PrivateKeyFile(Peer.PassphraseKeyFile, Peer.PassphraseVariable)), cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        XElement hello = await netconf.HelloAsync(deadline.Token);

        Assert.That(hello.Name.LocalName, Is.EqualTo("hello"));
    }

    [Test]
    public void OpenSsh_transport_must_refuse_a_wrong_password_naming_user_and_host_but_not_the_password()
    {
        const string variable = "ORAN_TESTBED_SPEC_WRONG_OPENSSH_PASSWORD";
        const string wrong = "wrong-openssh-password-0815";
        Environment.SetEnvironmentVariable(variable, wrong);
        try
        {
            var e = Assert.ThrowsAsync<MplaneConnectionException>(() =>
                OpenSshProcessTransport.ConnectAsync(Options(SshCredentials.PasswordFromEnvironment(variable))));

            Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.AuthenticationFailed), e.Message);
            Assert.That(e.Message, Does.Contain($"{Peer.User}@127.0.0.1:{Peer.Port}").And.Contain("Permission denied"));
            Assert.That(e.ToString(), Does.Not.Contain(wrong));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void OpenSsh_transport_must_refuse_an_unknown_host_key_naming_host_and_fingerprint()
    {
        string empty = Path.Combine(Peer.Directory, "known_hosts_empty_openssh");
        File.WriteAllText(empty, string.Empty);

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() => OpenSshProcessTransport.ConnectAsync(Options(knownHosts: empty)));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected), e.Message);
        Assert.That(e.Message, Does.Contain($"[127.0.0.1]:{Peer.Port}").And.Contain(Peer.HostKeyFingerprint));
    }

    [Test]
    public async Task OpenSsh_transport_must_accept_the_pinned_fingerprint_that_ssh_keygen_prints()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        var options = Options() with { HostKeyPolicy = SshHostKeyPolicy.PinnedFingerprint(Peer.HostKeyFingerprint) };
        await using var transport = await OpenSshProcessTransport.ConnectAsync(options, cancellationToken: deadline.Token);
        using var netconf = new RawNetconf(transport);

        XElement hello = await netconf.HelloAsync(deadline.Token);

        Assert.That(hello.Name.LocalName, Is.EqualTo("hello"));
    }

    [Test]
    public void OpenSsh_transport_must_refuse_a_host_key_that_is_not_the_pinned_one()
    {
        const string pinned = "SHA256:mne8N6kJRoLl56fxNVWilikqzjti47AA6IFiBUJjFj8"; // some other ed25519 key
        var options = Options() with { HostKeyPolicy = SshHostKeyPolicy.PinnedFingerprint(pinned) };

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() => OpenSshProcessTransport.ConnectAsync(options));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected), e.Message);
        Assert.That(e.Message, Does.Contain(pinned).And.Contain(Peer.HostKeyFingerprint).And.Contain($"[127.0.0.1]:{Peer.Port}"));
    }

    [Test]
    public async Task OpenSsh_transport_must_kill_its_ssh_process_on_dispose()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        var transport = await OpenSshProcessTransport.ConnectAsync(Options(), cancellationToken: deadline.Token);
        int pid = transport.ProcessId;
        Assert.That(Alive(pid), Is.True);

        await transport.DisposeAsync();

        Assert.That(Alive(pid), Is.False, $"ssh process {pid} still runs after dispose");
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string CommandLineOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
}
