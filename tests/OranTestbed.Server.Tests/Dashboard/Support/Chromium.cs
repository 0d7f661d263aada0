using Microsoft.Playwright;

namespace OranTestbed.Server.Tests.Dashboard.Support;

/// <summary>Debian's chromium (tools/setup/chromium.sh) launched headless through Playwright by its executable path:
/// Playwright never downloads a browser. Missing chromium fails with the command that installs it.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing: run tools/setup/chromium.sh (apt install chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
