using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// known_hosts matching and fingerprints against vectors made with OpenSSH 9.2 (<c>ssh-keygen -lf</c>, <c>ssh-keygen -H</c>),
/// without a server.
/// </summary>
[TestFixture]
public sealed class SshKnownHostsSpecs
{
    // ssh-keygen -t ed25519 -C vector; ssh-keygen -lf: 256 SHA256:V4B3JGX9bZadwbK4bAV/nvHk2cOqP1RM0y5ejk1lbnQ vector (ED25519)
    private const string Key = "AAAAC3NzaC1lZDI1NTE5AAAAIJwYLwFs6iSsu4QRORAheMB3gsmoWeydCFayN141qX2p";
    private const string KeyFingerprint = "SHA256:V4B3JGX9bZadwbK4bAV/nvHk2cOqP1RM0y5ejk1lbnQ";
    private const string OtherKey = "AAAAC3NzaC1lZDI1NTE5AAAAIO8ZpUZAIus8k7ZdeaXZ5I0tcsYqtScT2Za1vEA0RqEA";
    private const string OtherFingerprint = "SHA256:mne8N6kJRoLl56fxNVWilikqzjti47AA6IFiBUJjFj8";

    // ssh-keygen -H of "[10.0.0.5]:830 ssh-ed25519 <Key>"
    private const string HashedName = "|1|avRpVCUjqqtoWx8NQv53IkKZmcE=|oLn0IUe899fuOBSy0SoNQ0q5txo=";

    private static readonly byte[] Blob = Convert.FromBase64String(Key);
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("otb-known-hosts-").FullName;

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    private SshHostKeyVerdict Verify(string knownHosts, string host, int port, byte[]? blob = null)
    {
        string path = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(path, knownHosts);
        return SshHostKeyPolicy.KnownHostsFile(path).Verify(new SshEndpoint(host, "user", port), blob ?? Blob);
    }

    [Test]
    public void Fingerprint_must_equal_what_ssh_keygen_prints() =>
        Assert.That(SshHostKeyFingerprint.Of(Blob), Is.EqualTo(KeyFingerprint));

    [Test]
    public void Fingerprint_must_read_the_key_type_from_the_blob() =>
        Assert.That(SshHostKeyFingerprint.KeyType(Blob), Is.EqualTo("ssh-ed25519"));

    [TestCase(KeyFingerprint, ExpectedResult = KeyFingerprint)]
    [TestCase(KeyFingerprint + "=", ExpectedResult = KeyFingerprint)]
    [TestCase("  " + KeyFingerprint + " ", ExpectedResult = KeyFingerprint)]
    public string Fingerprint_must_accept_the_sha256_form_with_or_without_padding(string text) => SshHostKeyFingerprint.Normalize(text);

    [TestCase("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    [TestCase("V4B3JGX9bZadwbK4bAV/nvHk2cOqP1RM0y5ejk1lbnQ")]
    [TestCase("SHA256:tooshort")]
    [TestCase("SHA256:not base64 at all!")]
    public void Fingerprint_must_refuse_anything_but_a_sha256_fingerprint(string text) =>
        Assert.That(() => SshHostKeyFingerprint.Normalize(text), Throws.ArgumentException.With.Message.Contains("SHA256"));

    [Test]
    public void Known_hosts_must_match_the_bracketed_host_and_port_form() =>
        Assert.That(Verify($"[10.0.0.5]:830 ssh-ed25519 {Key}\n", "10.0.0.5", 830).Trusted, Is.True);

    [Test]
    public void Known_hosts_must_not_take_a_key_of_another_port_for_this_one()
    {
        SshHostKeyVerdict verdict = Verify($"[10.0.0.5]:830 ssh-ed25519 {Key}\n10.0.0.5 ssh-ed25519 {Key}\n", "10.0.0.5", 831);

        Assert.That(verdict.Trusted, Is.False);
        Assert.That(verdict.Explanation, Does.Contain("unknown host").And.Contain("[10.0.0.5]:831").And.Contain(KeyFingerprint));
    }

    [Test]
    public void Known_hosts_must_use_the_bare_name_on_port_22() =>
        Assert.That(Verify($"oru-7.lab ssh-ed25519 {Key}\n", "ORU-7.lab", 22).Trusted, Is.True, "names match case-insensitively");

    [Test]
    public void Known_hosts_must_match_a_name_hashed_by_ssh_keygen() =>
        Assert.That(Verify($"{HashedName} ssh-ed25519 {Key}\n", "10.0.0.5", 830).Trusted, Is.True);

    [Test]
    public void Known_hosts_must_not_match_a_hashed_name_of_another_host() =>
        Assert.That(Verify($"{HashedName} ssh-ed25519 {Key}\n", "10.0.0.6", 830).Trusted, Is.False);

    [TestCase("10.0.0.*", "10.0.0.42", true)]
    [TestCase("10.0.0.?", "10.0.0.42", false)]
    [TestCase("!10.0.0.9,10.0.0.*", "10.0.0.9", false)]
    [TestCase("!10.0.0.9,10.0.0.*", "10.0.0.8", true)]
    [TestCase("oru-1,oru-2", "oru-2", true)]
    public void Known_hosts_must_apply_wildcards_and_negation_like_openssh(string patterns, string host, bool trusted) =>
        Assert.That(Verify($"{patterns} ssh-ed25519 {Key}\n", host, 22).Trusted, Is.EqualTo(trusted));

    [Test]
    public void Known_hosts_must_refuse_a_different_key_naming_both_fingerprints()
    {
        SshHostKeyVerdict verdict = Verify($"# lab\n\n[10.0.0.5]:830 ssh-ed25519 {OtherKey}\n", "10.0.0.5", 830);

        Assert.That(verdict.Trusted, Is.False);
        Assert.That(verdict.Explanation, Does.Contain("[10.0.0.5]:830").And.Contain(KeyFingerprint).And.Contain(OtherFingerprint)
            .And.Contain("line 3").And.Contain("does not match"));
    }

    [Test]
    public void Known_hosts_must_refuse_a_revoked_key_even_when_also_listed()
    {
        SshHostKeyVerdict verdict = Verify($"@revoked * ssh-ed25519 {Key}\n[10.0.0.5]:830 ssh-ed25519 {Key}\n", "10.0.0.5", 830);

        Assert.That(verdict.Trusted, Is.False);
        Assert.That(verdict.Explanation, Does.Contain("@revoked"));
    }

    [Test]
    public void Known_hosts_must_not_trust_a_certificate_authority_line_as_a_host_key() =>
        Assert.That(Verify($"@cert-authority * ssh-ed25519 {Key}\n", "10.0.0.5", 830).Trusted, Is.False);

    [Test]
    public void Known_hosts_must_refuse_when_the_file_is_missing()
    {
        string missing = Path.Combine(_folder, "absent");

        SshHostKeyVerdict verdict = SshHostKeyPolicy.KnownHostsFile(missing).Verify(new SshEndpoint("10.0.0.5", "u", 830), Blob);

        Assert.That(verdict.Trusted, Is.False);
        Assert.That(verdict.Explanation, Does.Contain(missing).And.Contain("does not exist"));
    }

    [Test]
    public void Known_hosts_must_name_the_key_types_it_knows_for_the_host()
    {
        string path = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(path, $"[10.0.0.5]:830 ssh-ed25519 {Key}\n[10.0.0.5]:830 ssh-rsa AAAAB3NzaC1yc2E=\nother ecdsa-sha2-nistp256 {Key}\n");

        IReadOnlySet<string> types = SshHostKeyPolicy.KnownHostsFile(path).KnownKeyTypes(new SshEndpoint("10.0.0.5", "u", 830));

        Assert.That(types, Is.EquivalentTo(["ssh-ed25519", "ssh-rsa"]));
    }

    [Test]
    public void Pinned_fingerprint_must_trust_exactly_that_key()
    {
        var policy = SshHostKeyPolicy.PinnedFingerprint(KeyFingerprint);
        var endpoint = new SshEndpoint("10.0.0.5", "u");

        Assert.That(policy.Verify(endpoint, Blob).Trusted, Is.True);
        SshHostKeyVerdict other = policy.Verify(endpoint, Convert.FromBase64String(OtherKey));
        Assert.That(other.Trusted, Is.False);
        Assert.That(other.Explanation, Does.Contain(OtherFingerprint).And.Contain(KeyFingerprint).And.Contain("[10.0.0.5]:830"));
    }
}
