namespace OranTestbed.Mplane.Transport;

/// <summary>
/// How we authenticate, given by reference only: a password is named by the environment variable holding it and a key
/// by its file (its passphrase again by variable). Options are logged and stored with results, so they must never
/// carry a secret; the secret is read at connect time and handed straight to SSH. <see cref="object.ToString"/> of
/// every kind says where the secret comes from, never what it is.
/// </summary>
public abstract record SshCredentials
{
    private protected SshCredentials()
    {
    }

    /// <summary>Password authentication with the password held by environment variable <paramref name="variable"/>.</summary>
    public static SshCredentials PasswordFromEnvironment(string variable) => new SshPasswordFromEnvironment(variable);

    /// <summary>Public-key authentication with an OpenSSH/PEM private key file, optionally protected by a passphrase held by an environment variable.</summary>
    public static SshCredentials PrivateKeyFile(string keyFile, string? passphraseVariable = null) =>
        new SshPrivateKeyFile(keyFile, passphraseVariable);

    /// <summary>The value of <paramref name="variable"/>, or a <see cref="MplaneConnectionFailure.CredentialsUnavailable"/> error naming it.</summary>
    internal static string ReadVariable(string variable, string what, SshEndpoint endpoint)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            throw new MplaneConnectionException(MplaneConnectionFailure.CredentialsUnavailable, endpoint.ToString(),
                $"the {what} for {endpoint} is taken from environment variable {variable}, which is not set");
        }

        return value;
    }
}
