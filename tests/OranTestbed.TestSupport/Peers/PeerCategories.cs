namespace OranTestbed.TestSupport.Peers;

/// <summary>The NUnit categories of specs that need a peer beside our code (see <see cref="MissingPeer"/>).</summary>
public static class PeerCategories
{
    /// <summary>A PostgreSQL server (tools/setup/postgres.sh).</summary>
    public const string Postgres = "Postgres";

    /// <summary>tshark (and editcap), Wireshark's dissectors as the decoding oracle (tools/setup/install-system-packages.sh).</summary>
    public const string Tshark = "Tshark";

    /// <summary>Debian's chromium, driven by Playwright (tools/setup/chromium.sh).</summary>
    public const string Chromium = "Chromium";

    /// <summary>libyang's yanglint, the validator of our O-RAN YANG data (tools/setup/install-system-packages.sh).</summary>
    public const string Yanglint = "Yanglint";

    /// <summary>
    /// yuma123 netconfd behind a private OpenSSH sshd on 127.0.0.1, plus socat and the ssh client
    /// (<see cref="NetconfdPeer"/>; tools/setup/install-system-packages.sh). Needs root: the peer adds its own users.
    /// </summary>
    public const string Netconf = "Netconf";
}
