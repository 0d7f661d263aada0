namespace OranTestbed.Mplane.Transport;

/// <summary>Password authentication; the password is the value of environment variable <see cref="Variable"/> at connect time.</summary>
public sealed record SshPasswordFromEnvironment : SshCredentials
{
    public SshPasswordFromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        Variable = variable;
    }

    public string Variable { get; }

    public override string ToString() => $"password from ${Variable}";
}
