using System.Security.Cryptography;
using Microsoft.Playwright;
using OranTestbed.Server.Tests.Dashboard.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium (Debian's, driven by Playwright): sign in, read the matrix colours, drill down
/// from a cell to an execution, download its evidence and check the bytes, see the timing histograms; a vendor sees its
/// cells only; signed-out pages go to /login; the comparison shows the regression.
/// </summary>
[NonParallelizable]
[Category(PeerCategories.Chromium)]
public sealed class DashboardBrowserSpecs
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private static string Url(string path) => new Uri(DashboardServer.BaseAddress, path).ToString();

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
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        _page = await _context.NewPageAsync();
        // Generous: in the parallel phase of tools/test.sh the server's first request to a page JIT-compiles it on a
        // 2-core machine shared with other suites (a 15 s limit was once exceeded there).
        _page.SetDefaultTimeout(60_000);
    }

    [TearDown]
    public async Task CloseContextAsync() => await _context.DisposeAsync();

    [Test]
    public async Task Operator_must_click_from_the_matrix_through_a_cell_and_an_execution_to_its_evidence()
    {
        await SignInAsync(DashboardServer.OperatorToken, "/");

        var regressed = Cell("xylem/xd-100", "quasar/q-300");
        var passing = Cell("xylem/xd-100", "zephyr/zr-200");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await regressed.InnerTextAsync(), Is.EqualTo("FAIL 0/1"));
            Assert.That(await BackgroundAsync(regressed), Is.EqualTo("rgb(207, 34, 46)"), "FAIL red");
            Assert.That(await passing.InnerTextAsync(), Is.EqualTo("PASS 1/1"));
            Assert.That(await BackgroundAsync(passing), Is.EqualTo("rgb(45, 164, 78)"), "PASS green");
            Assert.That(await _page.Locator("table.matrix[data-band='n28-rural'] td.cell.inconclusive").InnerTextAsync(), Is.EqualTo("INCONCLUSIVE 0/1"));
        });

        await regressed.Locator("a").ClickAsync();
        await _page.WaitForURLAsync("**/cells?**");
        var latest = _page.Locator("#latest tr.execution");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await _page.Locator("#cell-state").InnerTextAsync(), Is.EqualTo("FAIL 0/1"));
            Assert.That(await latest.CountAsync(), Is.EqualTo(1));
            Assert.That(await latest.InnerTextAsync(), Does.Contain("ta4-max = 2600 nanosecond (<= 2000ns) FAIL")
                .And.Contain("ta4-max above the window").And.Contain("xylem/xd-100 5.4.0"));
            Assert.That(await _page.Locator("#earlier tr.execution").InnerTextAsync(), Does.Contain(DashboardSamples.OldRun).And.Contain("PASS"));
        });

        await latest.Locator("a", new() { HasText = DashboardSamples.RegressedExecution }).ClickAsync();
        await _page.WaitForURLAsync($"**/executions/{DashboardSamples.NewRun}/{DashboardSamples.RegressedExecution}");
        var report = _page.Locator("#evidence tr", new() { HasText = "analysis.json" });
        string sha256 = (await report.GetAttributeAsync("data-sha256"))!;
        var download = await _page.RunAndWaitForDownloadAsync(() => report.Locator("a.artifact").ClickAsync());
        byte[] bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await _page.Locator("#verdict").InnerTextAsync(), Does.StartWith("FAIL"));
            Assert.That(await _page.Locator("#metrics tr[data-metric='ta4-max']").InnerTextAsync(), Does.Contain("2600 nanosecond"));
            Assert.That(download.SuggestedFilename, Is.EqualTo(sha256), "the artifact API names the file by its hash");
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(sha256), "the downloaded evidence is the stored file");
            Assert.That(await _page.Locator("figure.window svg.histogram").CountAsync(), Is.GreaterThan(0), "timing histograms drawn");
            Assert.That(await _page.Locator("figure.window svg.histogram rect").CountAsync(), Is.GreaterThan(0), "with bars");
            Assert.That(await _page.Locator("#evidence tr", new() { HasText = "capture.pcap" }).CountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Vendor_must_see_only_the_cells_of_its_products()
    {
        await SignInAsync(DashboardServer.VendorToken, "/");

        var cells = _page.Locator("td.cell");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await cells.CountAsync(), Is.EqualTo(1));
            Assert.That(await cells.GetAttributeAsync("data-ru"), Is.EqualTo("zephyr/zr-200"));
            Assert.That(await _page.Locator("nav .who").InnerTextAsync(), Does.Contain("vendor zephyr"));
        });
    }

    [Test]
    public async Task Signed_out_pages_must_go_to_login_and_come_back_after_it()
    {
        await _page.GotoAsync(Url("/runs"));
        Assert.That(_page.Url, Does.Contain("/login?return=%2Fruns"));

        await _page.FillAsync("#token", DashboardServer.OperatorToken);
        await _page.ClickAsync("#sign-in");
        await _page.WaitForURLAsync("**/runs");
        Assert.That(await _page.Locator($"#runs tr[data-run='{DashboardSamples.NewRun}']").CountAsync(), Is.EqualTo(1));

        await _page.ClickAsync("nav button");
        await _page.WaitForURLAsync("**/login");
        await _page.GotoAsync(Url("/"));
        Assert.That(_page.Url, Does.Contain("/login?return=%2F"), "the cookie is gone after logging out");

        await _page.FillAsync("#token", "wrong");
        await _page.ClickAsync("#sign-in");
        Assert.That(await _page.Locator("#login-error").InnerTextAsync(), Does.Contain("unknown or revoked token"));
    }

    [Test]
    public async Task Compare_must_show_the_regression_between_two_runs()
    {
        await SignInAsync(DashboardServer.OperatorToken, "/runs");

        await _page.Locator($"#runs tr[data-run='{DashboardSamples.NewRun}'] a", new() { HasText = "with " + DashboardSamples.OldRun }).ClickAsync();
        await _page.WaitForURLAsync("**/compare?**");
        var regressions = _page.Locator("#regressions tr").Nth(1);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await _page.Locator("#summary").InnerTextAsync(), Does.StartWith("1 regression(s), 0 fix(es)").And.Contain("1 newly covered"));
            Assert.That(await regressions.InnerTextAsync(), Does.Contain("xylem/xd-100 × quasar/q-300").And.Contain("PASS").And.Contain("FAIL"));
            Assert.That(await _page.Locator("#new tr.execution").InnerTextAsync(), Does.Contain("exec-pd7-yr400"));
        });
    }

    [Test]
    public async Task Execution_page_must_show_the_s_plane_time_error_with_its_checks_and_plots()
    {
        await SignInAsync(DashboardServer.OperatorToken, $"/executions/{DashboardSamples.NewRun}/{DashboardSamples.SPlaneExecution}");

        var master = _page.Locator("section.time-error");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await master.CountAsync(), Is.EqualTo(1), "the master, not the slave");
            Assert.That(await master.Locator("h3").InnerTextAsync(), Does.Contain("domain 24"));
            Assert.That(await master.Locator("p").First.InnerTextAsync(), Does.Match(@"^\d+ pairs; two-way mean 80 ns, max \|TE\| 80 ns"),
                "the tap 80 ns ahead of the master");
            Assert.That(await master.Locator("ul.te-checks li").AllInnerTextsAsync(),
                Has.Some.Match("^PTP-TE-MAX-ABS: .*FAIL$"), "80 ns against class C's 30 ns");
            Assert.That(await master.Locator("svg").CountAsync(), Is.EqualTo(3), "TE over time, MTIE, TDEV");
            Assert.That((await master.Locator("svg polyline").First.BoundingBoxAsync())?.Width, Is.GreaterThan(100),
                "the TE curve is drawn across the plot (flat: the offset is constant)");
            Assert.That(await master.Locator("svg").Nth(1).TextContentAsync(), Does.Contain("g8273.2-class-c"), "MTIE against the mask");
        });
    }

    private ILocator Cell(string du, string ru) => _page.Locator($"td.cell[data-du='{du}'][data-ru='{ru}']");

    private static Task<string> BackgroundAsync(ILocator cell) =>
        cell.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private async Task SignInAsync(string token, string path)
    {
        await _page.GotoAsync(Url(path));
        await _page.WaitForURLAsync("**/login?return=**");
        await _page.FillAsync("#token", token);
        await _page.ClickAsync("#sign-in");
        try
        {
            await _page.WaitForURLAsync(Url(path));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"signed in, at {_page.Url}: {await _page.ContentAsync()}");
        }
    }
}
