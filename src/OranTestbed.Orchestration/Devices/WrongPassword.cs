using System.Security.Cryptography;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// A password no account has, for the handshake check that a wrong login is refused (CONF.0 §3.1.1.2 flow 2). SSH
/// credentials are passed by environment variable only, so this process holds it in one of its own: random per
/// process, never anyone's secret.
/// </summary>
internal static class WrongPassword
{
    /// <summary>The variable holding it (set on first use).</summary>
    public static string Variable { get; } = Set("ORAN_TESTBED_WRONG_PASSWORD");

    private static string Set(string name)
    {
        Environment.SetEnvironmentVariable(name, "wrong-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
        return name;
    }
}
