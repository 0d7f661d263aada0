using System.Net;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Dashboard.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>
/// One real <see cref="ResultsServer"/> on 127.0.0.1 (a free port) over a SQLite store holding
/// <see cref="DashboardSamples"/>, with an operator and a vendor (zephyr) account, shared by the dashboard specs.
/// </summary>
// In the specs' namespace: NUnit runs a SetUpFixture for the tests of its namespace and below.
[SetUpFixture]
public sealed class DashboardServer
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "dashboard", Guid.NewGuid().ToString("N"));
    private static ResultsServer? _server;

    public static Uri BaseAddress { get; private set; } = null!;

    public static string OperatorToken { get; private set; } = "";

    public static string VendorToken { get; private set; } = "";

    public static ResultsStore Store => _server!.Store;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Directory.CreateDirectory(Folder);
        _server = await ResultsServer.StartAsync(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Store = ResultsStoreOptions.Sqlite(Path.Combine(Folder, "results.db")),
            PlansDirectory = Path.Combine(TestPaths.RepositoryRoot, "testplans"),
        });
        BaseAddress = new Uri(_server.Urls[0]);
        await DashboardSamples.FillAsync(_server.Store, Path.Combine(Folder, "evidence"));
        OperatorToken = (await _server.Store.CreateAccountAsync("olivia", AccountRole.Operator, null)).Token;
        VendorToken = (await _server.Store.CreateAccountAsync("zephyr-lab", AccountRole.Vendor, "zephyr")).Token;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A client that does not follow redirects, with the login cookie of <paramref name="token"/> when given.</summary>
    public static HttpClient Client(string? token = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"oran-testbed-token={WebUtility.UrlEncode(token)}");
        }

        return client;
    }
}
