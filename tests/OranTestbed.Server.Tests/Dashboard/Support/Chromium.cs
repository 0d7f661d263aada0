using Microsoft.Playwright;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests.Dashboard.Support;

/// <summary>Debian's chromium (tools/setup/chromium.sh) launched headless through Playwright by its executable path:
/// Playwright never downloads a browser. Missing chromium fails in CI and skips locally, naming the script that
/// installs it (<see cref="ChromiumPeer"/>); the specs launching it carry <c>[Category(PeerCategories.Chromium)]</c>.</summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        ChromiumPeer.Require();

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPeer.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
