namespace OranTestbed.Plans.Lab;

/// <summary>
/// How the NETCONF driver authenticates, by reference: the password is read from the environment variable
/// <see cref="PasswordEnvironment"/> when the session opens, or the private key from <see cref="KeyFile"/> (relative to
/// the plan directory) with an optional passphrase from <see cref="PassphraseEnvironment"/>. Exactly one of password
/// and key.
/// </summary>
public sealed record NetconfCredentials(string? PasswordEnvironment, string? KeyFile, string? PassphraseEnvironment);
