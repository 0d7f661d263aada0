namespace OranTestbed.Mplane.Transport;

/// <summary>What a <see cref="SshHostKeyPolicy"/> concluded about a presented host key, and why (for the error or the log).</summary>
internal readonly record struct SshHostKeyVerdict(bool Trusted, string Explanation)
{
    public static SshHostKeyVerdict Trust(string explanation) => new(true, explanation);

    public static SshHostKeyVerdict Refuse(string explanation) => new(false, explanation);
}
