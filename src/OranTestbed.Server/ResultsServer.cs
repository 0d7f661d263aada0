using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Plans;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;
using OranTestbed.Server.Audit;
using OranTestbed.Server.Auth;
using OranTestbed.Server.Dashboard;
using OranTestbed.Server.Limits;
using OranTestbed.Server.Logging;
using OranTestbed.Server.Uploads;
using OranTestbed.Server.Verification;

namespace OranTestbed.Server;

/// <summary>
/// The results server: Kestrel hosting the REST API (<c>/api/v1/…</c>, described at <c>/openapi/v1.json</c>) and the
/// dashboard (<c>/</c>) over one results store and one lab plan. Start it with <see cref="StartAsync"/>; each area
/// registers its endpoints with an extension of its own folder (Api/, Dashboard/).
/// </summary>
public sealed class ResultsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResultsServer(WebApplication app, ResultsStore store, TestPlan plan)
    {
        _app = app;
        Store = store;
        Plan = plan;
    }

    public ResultsStore Store { get; }

    public TestPlan Plan { get; }

    /// <summary>The addresses Kestrel listens on (with the real port when 0 was asked).</summary>
    public IReadOnlyList<string> Urls =>
        [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>Loads the plan (throws <see cref="Plans.Yaml.PlanValidationException"/> when invalid), opens the store
    /// (migrating it) and starts listening.</summary>
    public static async Task<ResultsServer> StartAsync(ServerOptions options, Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = TestPlanLoader.Load(options.PlansDirectory);
        var store = await ResultsStore.OpenAsync(WithPoolLimit(options), cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        // Never ASP.NET Core's request lines: they hold the whole URL (a query string may carry a credential). The
        // server writes its own, path only (RequestLogging).
        builder.Logging.AddFilter(RequestLogging.HostingCategory, LogLevel.None);
        // Routing's Debug lines quote the request path as sent (a token pasted into it included); ours log it redacted.
        builder.Logging.AddFilter(RequestLogging.RoutingCategory, LogLevel.Information);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(plan);
        builder.Services.AddSingleton<EvidenceVerifier>();
        builder.Services.AddSingleton<Dashboard.PagePartCache>();
        builder.Services.AddSingleton<UploadProcessor>();
        builder.Services.AddSingleton<VerificationDoorbell>();
        builder.Services.AddHostedService<VerificationWorker>();
        builder.Services.AddHostedService<AuditRetention>();
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ApiProblems.Customize);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition =
            System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Read, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.Upload, policy => policy.RequireRole(AccessPolicies.IntegratorRole, AccessPolicies.VendorRole))
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(AccessPolicies.AdminRole));
        builder.Services.AddAccountRateLimits(options);

        var app = builder.Build();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication (it names the account), before authorization and the limiter (their refusals are audited).
        app.UseAuditTrail();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapResultsApi();
        app.MapDashboard();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ResultsServer(app, store, plan);
    }

    private static ResultsStoreOptions WithPoolLimit(ServerOptions options)
    {
        if (options.Store.Kind != DatabaseKind.Postgres)
        {
            return options.Store;
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.Store.Database);
        if (!options.Store.Database.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            connection.MaxPoolSize = options.MaxDatabaseConnections;
        }

        return options.Store with { Database = connection.ConnectionString };
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (Ctrl+C in <c>oran-testbed serve</c>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
