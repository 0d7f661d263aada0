namespace OranTestbed.TestSupport.Peers;

/// <summary>Debian's chromium, the browser of the dashboard specs (Playwright drives it by path and never downloads one).</summary>
public static class ChromiumPeer
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string Setup = "tools/setup/chromium.sh";

    /// <summary>Returns when chromium is installed; otherwise <see cref="MissingPeer.Report"/>.</summary>
    public static void Require()
    {
        if (!File.Exists(ExecutablePath))
        {
            MissingPeer.Report($"{ExecutablePath} is missing (the dashboard browser specs drive it headless; apt install chromium)", Setup);
        }
    }
}
