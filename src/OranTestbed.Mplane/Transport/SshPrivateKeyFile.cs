namespace OranTestbed.Mplane.Transport;

/// <summary>Public-key authentication with the private key in <see cref="KeyFile"/>; its passphrase, if any, is the value of <see cref="PassphraseVariable"/>.</summary>
public sealed record SshPrivateKeyFile : SshCredentials
{
    public SshPrivateKeyFile(string keyFile, string? passphraseVariable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyFile);
        if (passphraseVariable is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(passphraseVariable);
        }

        KeyFile = keyFile;
        PassphraseVariable = passphraseVariable;
    }

    public string KeyFile { get; }

    public string? PassphraseVariable { get; }

    public override string ToString() =>
        PassphraseVariable is null ? $"private key {KeyFile}" : $"private key {KeyFile} (passphrase from ${PassphraseVariable})";
}
