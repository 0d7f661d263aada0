using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Server.Tests.Support;

/// <summary>
/// A real results server for one test: Kestrel on 127.0.0.1 with a free port, a fresh store (SQLite or PostgreSQL, see
/// <see cref="StoreTarget"/>), the repository's lab plan, and one account per role (vendors polaris and quasar).
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    private readonly StoreTarget _target;
    private readonly ServerOptions _options;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private ServerHarness(StoreTarget target, ServerOptions options, ResultsServer server, CapturedLogs logs)
    {
        _target = target;
        _options = options;
        Server = server;
        Logs = logs;
    }

    public ResultsServer Server { get; private set; }

    public ResultsStore Store => Server.Store;

    public CapturedLogs Logs { get; }

    public Uri BaseAddress => new(Server.Urls[0].TrimEnd('/') + "/");

    /// <summary>A folder for the test's files (documents, archives).</summary>
    public string Folder => _target.Folder;

    public IReadOnlyDictionary<string, string> Tokens => _tokens;

    public static async Task<ServerHarness> StartAsync(DatabaseKind kind, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var target = await StoreTarget.CreateAsync(kind);
        var logs = new CapturedLogs();
        var options = new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Store = target.Options,
            PlansDirectory = Path.Combine(TestPaths.RepositoryRoot, "testplans"),
            WorkDirectory = Path.Combine(target.Folder, "work"),
        };
        Directory.CreateDirectory(options.WorkDirectory);
        options = configure?.Invoke(options) ?? options;
        var harness = new ServerHarness(target, options, await StartServerAsync(options, logs), logs);
        foreach (var (name, role, vendor) in new[]
                 {
                     ("integrator", AccountRole.Integrator, (string?)null), ("operator", AccountRole.Operator, null),
                     ("admin", AccountRole.Admin, null), ("polaris", AccountRole.Vendor, "polaris"), ("quasar", AccountRole.Vendor, "quasar"),
                 })
        {
            harness._tokens[name] = (await harness.Store.CreateAccountAsync(name, role, vendor)).Token;
        }

        return harness;
    }

    /// <summary>Stops the server (as a deployment would: queued work stays in the store) and starts a new one on the
    /// same store and artifact folder, with the options changed by <paramref name="configure"/>; clients made before
    /// it point at the old port.</summary>
    public async Task RestartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        await Server.DisposeAsync();
        Server = await StartServerAsync(configure?.Invoke(_options) ?? _options, Logs);
    }

    private static Task<ResultsServer> StartServerAsync(ServerOptions options, CapturedLogs logs) =>
        ResultsServer.StartAsync(options, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(logs);
        });

    /// <summary>A client authenticated as <paramref name="account"/> (null: no token).</summary>
    public HttpClient Client(string? account)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (account is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account]);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _target.DisposeAsync();
    }
}
