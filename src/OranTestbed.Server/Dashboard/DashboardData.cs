using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Dashboard;

/// <summary>What the signed-in account may read, with the API's scoping (<see cref="Caller.Scope"/>): a vendor sees the
/// executions that include one of its products and the runs holding them; everyone else sees all.</summary>
internal sealed class DashboardData(ResultsStore store, Caller caller, CancellationToken cancellationToken)
{
    public ResultsStore Store => store;

    public Caller Caller => caller;

    public CancellationToken Aborted => cancellationToken;

    public static DashboardData For(HttpContext context, ResultsStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DashboardData(store, Caller.Of(context.User), context.RequestAborted);
    }

    public Task<ImmutableArray<ExecutionResult>> ExecutionsAsync(ExecutionFilter filter) =>
        store.ListExecutionsAsync(caller.Scope(filter), cancellationToken);

    /// <summary>The visible runs, oldest first.</summary>
    public Task<ImmutableArray<RunInfo>> RunsAsync() => caller.IsVendor
        ? store.ListRunsAsync(caller.Scope(ExecutionFilter.All), cancellationToken)
        : store.ListRunsAsync(cancellationToken);

    public async Task<ImmutableDictionary<(string RunId, string ExecutionId), EvidenceCheck>> EvidenceChecksAsync(ExecutionFilter filter) =>
        await store.ListEvidenceChecksAsync(caller.Scope(filter), cancellationToken).ConfigureAwait(false);
}
