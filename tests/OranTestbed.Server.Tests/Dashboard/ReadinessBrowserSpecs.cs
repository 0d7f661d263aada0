using Microsoft.Playwright;
using OranTestbed.Server.Tests.Dashboard.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>
/// The readiness page in headless Chromium: an operator goes from the navigation to operator B's urban band and reads
/// which combinations it can deploy per need, with the release that is ready and the one that is not, and follows a
/// finding to its execution; a vendor sees only the candidates with one of its products.
/// </summary>
[NonParallelizable]
[Category(PeerCategories.Chromium)]
public sealed class ReadinessBrowserSpecs
{
    private const string Pair = "tr.candidate[data-du='polaris/pd-7'][data-ru='radian/rr-800']";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task LaunchAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [SetUp]
    public async Task NewContextAsync()
    {
        _context = await _browser.NewContextAsync();
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(60_000); // the first request JIT-compiles the page on a busy 2-core machine
    }

    [TearDown]
    public async Task CloseContextAsync() => await _context.DisposeAsync();

    [Test]
    public async Task Operator_must_see_per_need_which_combinations_are_ready_with_which_release()
    {
        await SignInAsync(DashboardServer.OperatorToken, "/");
        await _page.ClickAsync("nav a:text-is('Readiness')");
        await _page.SelectOptionAsync("#filter-operator", "operator-b");
        await _page.SelectOptionAsync("#filter-band", "n78-urban");
        await _page.ClickAsync("#apply");
        await _page.WaitForURLAsync("**/readiness?operator=operator-b&band=n78-urban");

        var sharing = _page.Locator("section.need[data-need='shared-rural-masts'][data-band='n78-urban']");
        var pair = sharing.Locator(Pair);
        var releases = pair.Locator("li.version");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await _page.Locator("h1").InnerTextAsync(), Is.EqualTo("Readiness of Operator B"));
            Assert.That(await pair.GetAttributeAsync("data-state"), Is.EqualTo("ready"), "deployable with the release that passed");
            Assert.That(await BackgroundAsync(pair.Locator("td").Nth(1).Locator("span.verdict")), Is.EqualTo("rgb(45, 164, 78)"), "READY green");
            Assert.That(await releases.CountAsync(), Is.EqualTo(2));
            Assert.That(await releases.Nth(0).GetAttributeAsync("data-state"), Is.EqualTo("not-ready"), "the newest release first");
            Assert.That(await releases.Nth(0).InnerTextAsync(), Does.Contain("NOT READY with polaris/pd-7 23.5.0, radian/rr-800 11.2")
                .And.Contain("sp-functional-lls-c3 FAIL: te-max-abs = 1500 nanosecond (<= 1100ns) FAIL"));
            Assert.That(await releases.Nth(1).InnerTextAsync(), Does.StartWith("READY with polaris/pd-7 23.4.7, radian/rr-800 11.2"));
            Assert.That(await sharing.Locator("tr.candidate[data-du='polaris/pd-7'][data-ru='ymir/yr-400']").InnerTextAsync(),
                Does.Contain("INCOMPATIBLE").And.Contain("eAxC split"));
            Assert.That(await _page.Locator("section.need[data-need='lean-lab-budget'] tr.candidate[data-state='not-tested']").InnerTextAsync(),
                Does.Contain("polaris/pd-7 × radian/rr-800 × radian/rc-5").And.Contain("no result of"));
            Assert.That(await _page.Locator("section.need[data-band='n28-rural']").CountAsync(), Is.Zero, "one band asked");
        });

        await releases.Nth(0).Locator("li.finding a").ClickAsync();
        await _page.WaitForURLAsync($"**/executions/{DashboardSamples.NotReadyRun}/**");
        Assert.That(await _page.Locator("#verdict").InnerTextAsync(), Does.StartWith("FAIL"));
    }

    [Test]
    public async Task Vendor_must_see_only_the_candidates_with_its_products()
    {
        await SignInAsync(DashboardServer.VendorToken, "/readiness?operator=operator-a&band=n78-urban");

        var rows = _page.Locator("tr.candidate");
        int count = await rows.CountAsync();
        var products = new List<string>();
        for (int i = 0; i < count; i++)
        {
            products.Add(string.Join(" ", await rows.Nth(i).GetAttributeAsync("data-du"), await rows.Nth(i).GetAttributeAsync("data-ru"),
                await rows.Nth(i).GetAttributeAsync("data-ocu")));
        }

        Assert.Multiple(() =>
        {
            Assert.That(products, Is.Not.Empty.And.All.Contains("zephyr/"));
            Assert.That(products, Has.None.StartsWith("xylem/xd-100 quasar/q-300"), "an incompatible pair without zephyr");
        });
    }

    private static Task<string> BackgroundAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private async Task SignInAsync(string token, string path)
    {
        await _page.GotoAsync(new Uri(DashboardServer.BaseAddress, path).ToString());
        await _page.WaitForURLAsync("**/login?return=**");
        await _page.FillAsync("#token", token);
        await _page.ClickAsync("#sign-in");
        await _page.WaitForURLAsync(new Uri(DashboardServer.BaseAddress, path).ToString());
    }
}
