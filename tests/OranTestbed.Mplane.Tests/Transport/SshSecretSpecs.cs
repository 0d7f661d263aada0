using System.Net;
using OranTestbed.Mplane.CallHome;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// Options are logged and stored with results: no secret may reach a <see cref="object.ToString"/>, an ssh command line
/// or an exception message. The secrets are put where the transports read them from (environment variables) and
/// searched for everywhere the options show up.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SshSecretSpecs
{
    private const string PasswordVariable = "ORAN_TESTBED_SPEC_SECRET_PASSWORD";
    private const string PassphraseVariable = "ORAN_TESTBED_SPEC_SECRET_PASSPHRASE";
    private const string Password = "s3cr3t-password-9911";
    private const string Passphrase = "s3cr3t-passphrase-7733";

    [SetUp]
    public void SetSecrets()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, Password);
        Environment.SetEnvironmentVariable(PassphraseVariable, Passphrase);
    }

    [TearDown]
    public void ClearSecrets()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, null);
        Environment.SetEnvironmentVariable(PassphraseVariable, null);
    }

    private static IEnumerable<SshTransportOptions> AllOptions()
    {
        var endpoint = new SshEndpoint("10.0.0.5", "oru-admin");
        foreach (SshCredentials credentials in new[]
                 {
                     SshCredentials.PasswordFromEnvironment(PasswordVariable),
                     SshCredentials.PrivateKeyFile("/keys/oru", PassphraseVariable),
                 })
        {
            yield return new SshTransportOptions(endpoint, credentials, SshHostKeyPolicy.KnownHostsFile("/etc/oran/known_hosts"));
            yield return new SshTransportOptions(endpoint, credentials, SshHostKeyPolicy.AcceptAnyHostKey);
        }
    }

    [Test]
    public void Transport_options_must_never_show_a_secret_in_ToString()
    {
        foreach (SshTransportOptions options in AllOptions())
        {
            string shown = options.ToString();
            Assert.That(shown, Does.Not.Contain(Password).And.Not.Contain(Passphrase));
            Assert.That(shown, Does.Contain("oru-admin@10.0.0.5:830"));
            Assert.That(options.Credentials.ToString(), Does.Contain(PasswordVariable).Or.Contain(PassphraseVariable), "says where the secret comes from");
        }
    }

    [Test]
    public void Call_home_options_must_never_show_a_secret_in_ToString()
    {
        var options = new CallHomeOptions("oru-admin", SshCredentials.PasswordFromEnvironment(PasswordVariable), SshHostKeyPolicy.AcceptAnyHostKey)
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 4334),
        };

        Assert.That(options.ToString(), Does.Not.Contain(Password).And.Contain("$" + PasswordVariable).And.Contain("insecure"));
    }

    [Test]
    public void OpenSsh_command_line_must_never_carry_a_secret()
    {
        foreach (SshTransportOptions options in AllOptions())
        {
            IReadOnlyList<string> arguments = OpenSshArguments.For(options);
            Assert.That(arguments, Has.None.Contains(Password).And.None.Contains(Passphrase));
            Assert.That(arguments, Does.Contain("-F").And.Contain("none"), "no user ssh_config changes what we do");
        }
    }

    [Test]
    public void OpenSsh_command_line_must_check_host_keys_strictly_against_the_given_file()
    {
        var options = new SshTransportOptions(new SshEndpoint("10.0.0.5", "u"), SshCredentials.PrivateKeyFile("/k"),
            SshHostKeyPolicy.KnownHostsFile("/etc/oran/known_hosts"));

        IReadOnlyList<string> arguments = OpenSshArguments.For(options);

        Assert.That(arguments, Does.Contain("StrictHostKeyChecking=yes").And.Contain("UserKnownHostsFile=/etc/oran/known_hosts")
            .And.Contain("GlobalKnownHostsFile=none").And.Contain("BatchMode=yes"));
        Assert.That(arguments.TakeLast(3), Is.EqualTo((string[])["--", "10.0.0.5", "netconf"]));
    }

    [Test]
    public void Connection_errors_must_never_carry_a_secret()
    {
        var endpoint = new SshEndpoint("10.0.0.5", "oru-admin");
        var e = Assert.Throws<MplaneConnectionException>(() =>
            SshCredentials.ReadVariable("ORAN_TESTBED_SPEC_SECRET_UNSET", "password", endpoint));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.CredentialsUnavailable));
        Assert.That(e.Message, Does.Contain("ORAN_TESTBED_SPEC_SECRET_UNSET").And.Contain("oru-admin@10.0.0.5:830"));
        Assert.That(e.ToString(), Does.Not.Contain(Password).And.Not.Contain(Passphrase));
    }

    [Test]
    public async Task Key_loading_errors_must_name_the_file_and_variable_but_not_the_passphrase()
    {
        string folder = Directory.CreateTempSubdirectory("otb-secret-spec-").FullName;
        try
        {
            string keyFile = Path.Combine(folder, "not-a-key");
            await File.WriteAllTextAsync(keyFile, "this is not a private key\n");
            var options = new SshTransportOptions(new SshEndpoint("127.0.0.1", "oru-admin", 1),
                SshCredentials.PrivateKeyFile(keyFile, PassphraseVariable), SshHostKeyPolicy.AcceptAnyHostKey);

            var e = Assert.ThrowsAsync<MplaneConnectionException>(() => SshNetSubsystemTransport.ConnectAsync(options));

            Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.CredentialsUnavailable), e.Message);
            Assert.That(e.Message, Does.Contain(keyFile).And.Contain("$" + PassphraseVariable));
            Assert.That(e.ToString(), Does.Not.Contain(Passphrase));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
