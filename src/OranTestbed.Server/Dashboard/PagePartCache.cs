using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using OranTestbed.Results.Store;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The heavy part of a dashboard page (a matrix's heatmaps, a cell's drill-down), built once per what it shows and
/// kept while the store's results version (V006: it grows in every transaction that stores a result or a run) stands:
/// a hundred readers of the same page wait for one build instead of making a hundred, and a reader never gets a part
/// built before the version it read. Keyed by what decides the part: the reader's scope (a vendor sees its own) and the
/// request's path and query. Bounded: the oldest version's parts go first.
/// </summary>
internal sealed class PagePartCache
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<(long Version, string Key), Lazy<Task<Part>>> _parts = new();

    /// <summary>What a page part is: its HTML (already encoded) and the page's status.</summary>
    public sealed record Part(string Html, int Status, string Title);

    /// <summary>The page of this request with its part kept per store version, reader scope and path and query; the part
    /// is built once for every reader waiting on it, so not cancelled by the first one's leaving.</summary>
    public async Task<IResult> RenderAsync(HttpContext context, ResultsStore store, Func<DashboardData, Task<Part>> build)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var caller = Caller.Of(context.User);
        long version = await store.VersionAsync(context.RequestAborted).ConfigureAwait(false);
        var part = await GetAsync(version, $"{caller.VendorId ?? "*"} {context.Request.Path}{context.Request.QueryString}",
            () => build(new DashboardData(store, caller, CancellationToken.None))).ConfigureAwait(false);
        return DashboardPage.Render(context, part.Title, html => html.Append(new Markup(part.Html)), part.Status);
    }

    public Task<Part> GetAsync(long version, string key, Func<Task<Part>> build)
    {
        var lazy = _parts.GetOrAdd((version, key), _ => new Lazy<Task<Part>>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        if (_parts.Count > Capacity)
        {
            foreach (var stale in _parts.Keys.OrderBy(k => k.Version).Take(_parts.Count - Capacity))
            {
                _parts.TryRemove(stale, out _);
            }
        }

        return Awaited(version, key, lazy);
    }

    /// <summary>A build that failed is not kept: the next reader tries again.</summary>
    private async Task<Part> Awaited(long version, string key, Lazy<Task<Part>> lazy)
    {
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _parts.TryRemove(new KeyValuePair<(long, string), Lazy<Task<Part>>>((version, key), lazy));
            throw;
        }
    }
}
