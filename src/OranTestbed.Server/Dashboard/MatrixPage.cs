using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Results.Store;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /?band=&amp;operator=&amp;ocu=&amp;run=</c>: one heatmap per band × operator profile (O-DU rows × O-RU columns,
/// <see cref="InteropMatrix"/>) of the latest visible results, or of one run's; each cell links to its executions.
/// With <c>planned=on</c>, runs of a campaign of the server's plan also show what that campaign planned without a result
/// (NOT RUN) and the pairs its expansion excluded (INCOMPATIBLE, the reason on hover), a vendor only those with one of
/// its products.
/// </summary>
internal static class MatrixPage
{
    public static Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store, [FromServices] TestPlan plan,
        [FromServices] PagePartCache cache)
        => cache.RenderAsync(context, store, data => BuildAsync(context.Request, data, plan));

    private static async Task<PagePartCache.Part> BuildAsync(HttpRequest request, DashboardData data, TestPlan plan)
    {
        var filter = MatrixFilter.Of(request); // read before the first await: the request is the first reader's
        bool showPlanned = MatrixFilter.Value(request, "planned") == "on";
        var runs = await data.RunsAsync().ConfigureAwait(false);
        var latest = await data.ExecutionsAsync(new ExecutionFilter { LatestOnly = true, SubjectsOnly = true }).ConfigureAwait(false);
        var shown = filter.Run is null
            ? latest
            : await data.ExecutionsAsync(new ExecutionFilter { RunId = filter.Run, SubjectsOnly = true }).ConfigureAwait(false);
        var scope = filter.Run is null ? runs : [.. runs.Where(r => r.RunId == filter.Run)];
        var matrices = InteropMatrix.Build(shown, [.. runs.Select(r => r.RunId)], filter.Query,
            showPlanned ? Planned(plan, scope, data.Caller) : null);
        var html = new HtmlBuilder();
        Filters(html, filter, latest, runs, showPlanned);
        if (matrices.IsEmpty)
        {
            html.Append($"<p id=\"no-results\">No results match these filters.</p>\n");
        }

        foreach (var matrix in matrices)
        {
            Heatmap(html, matrix, filter);
        }

        html.Append($"<p>Cells: <span class=\"verdict pass\">PASS</span> every latest result passed, ")
            .Append($"<span class=\"verdict fail\">FAIL</span> one failed, <span class=\"verdict inconclusive\">INCONCLUSIVE</span> ")
            .Append($"one could not decide; the count is passes out of executions, * marks a flaky pass; ")
            .Append($"<span class=\"verdict not-run\">NOT RUN</span> planned by the run's campaign without a result, ")
            .Append($"<span class=\"verdict incompatible\">INCOMPATIBLE</span> excluded by the plan (hover for why).</p>\n");
        return new PagePartCache.Part(html.ToString(), StatusCodes.Status200OK, "Interoperability matrix");
    }

    /// <summary>What the campaigns of <paramref name="runs"/> planned, when the plan has them (imported runs and campaign
    /// files outside the plan have no plan here); a vendor sees only entries with one of its products.</summary>
    internal static MatrixPlan Planned(TestPlan plan, IEnumerable<RunInfo> runs, Caller caller)
    {
        var executions = new List<MatrixPlan.Planned>();
        var exclusions = new List<MatrixPlan.Excluded>();
        foreach (var campaign in runs.Select(r => r.CampaignId).Distinct(StringComparer.Ordinal).Select(plan.FindCampaign).OfType<Plans.Campaigns.Campaign>())
        {
            var expansion = CampaignExpander.Expand(plan, campaign);
            var of = MatrixPlan.Of(expansion, expansion.Executions);
            executions.AddRange(of.Executions.Where(p => Visible(caller, p.ODu, p.ORu, p.OCu)));
            exclusions.AddRange(of.Exclusions.Where(x => Visible(caller, x.ODu, x.ORu, x.OCu)));
        }

        return new MatrixPlan([.. executions.DistinctBy(p => p.ExecutionId)], [.. exclusions.Distinct()]);
    }

    private static bool Visible(Caller caller, params string?[] products) =>
        !caller.IsVendor || products.Any(p => p is not null && p.StartsWith(caller.VendorId + "/", StringComparison.Ordinal));

    private static void Filters(HtmlBuilder html, MatrixFilter filter, ImmutableArray<ExecutionResult> all, ImmutableArray<RunInfo> runs,
        bool showPlanned)
    {
        html.Append($"<form class=\"filters\" method=\"get\" action=\"{DashboardPaths.Matrix}\">\n");
        Select(html, "band", "Band", filter.Band, all.Select(r => r.Subject.Band));
        Select(html, "operator", "Operator profile", filter.OperatorProfile, all.Select(r => r.Subject.OperatorProfile));
        Select(html, "ocu", "O-CU", filter.OCu, all.Select(r => r.Subject.Product("o-cu")?.Id ?? MatrixQuery.NoOCu));
        html.Append($"<label>Run<select name=\"run\" id=\"filter-run\"><option value=\"\">latest of all runs</option>");
        foreach (var run in runs.Reverse())
        {
            html.Append($"<option value=\"{run.RunId}\"{Selected(run.RunId == filter.Run)}>{run.RunId}</option>");
        }

        html.Append($"</select></label>\n<label><input type=\"checkbox\" name=\"planned\" id=\"filter-planned\"{Checked(showPlanned)}> ")
            .Append($"NOT RUN and INCOMPATIBLE pairs of the runs' campaigns</label>\n");
        html.Append($"<button type=\"submit\" id=\"apply\">Apply</button> <a href=\"{DashboardPaths.Matrix}\">reset</a>\n</form>\n");
    }

    private static Markup Checked(bool on) => new(on ? " checked" : string.Empty);

    private static void Select(HtmlBuilder html, string name, string label, string? current, IEnumerable<string> values)
    {
        html.Append($"<label>{label}<select name=\"{name}\" id=\"filter-{name}\"><option value=\"\">all</option>");
        foreach (string value in values.Append(current ?? "").Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            html.Append($"<option value=\"{value}\"{Selected(value == current)}>{value}</option>");
        }

        html.Append($"</select></label>\n");
    }

    private static Markup Selected(bool selected) => new(selected ? " selected" : "");

    private static void Heatmap(HtmlBuilder html, InteropMatrix matrix, MatrixFilter filter)
    {
        html.Append($"<h2>{matrix.Band} × {matrix.OperatorProfile}</h2>\n")
            .Append($"<table class=\"matrix\" data-band=\"{matrix.Band}\" data-operator=\"{matrix.OperatorProfile}\"><tr><th>O-DU \\ O-RU</th>");
        foreach (string ru in matrix.ORus)
        {
            html.Append($"<th>{ru}</th>");
        }

        html.Append($"</tr>\n");
        foreach (string du in matrix.ODus)
        {
            html.Append($"<tr><th>{du}</th>");
            foreach (string ru in matrix.ORus)
            {
                if (!matrix.Cells.TryGetValue((du, ru), out var cell))
                {
                    html.Append($"<td class=\"none\">-</td>");
                    continue;
                }

                string tip = cell.Incompatible ?? string.Join("\n", cell.Versions);
                if (cell.State is MatrixState.NotRun or MatrixState.Incompatible)
                {
                    html.Append($"<td class=\"cell {MatrixFormats.CssClass(cell.State)}\" data-du=\"{du}\" data-ru=\"{ru}\" title=\"{tip}\">")
                        .Append($"{cell.Label}</td>"); // nothing to drill into
                    continue;
                }

                html.Append($"<td class=\"cell {MatrixFormats.CssClass(cell.State)}\" data-du=\"{du}\" data-ru=\"{ru}\" title=\"{tip}\">")
                    .Append($"<a href=\"{DashboardPaths.Cell(filter, matrix.Band, matrix.OperatorProfile, du, ru)}\">{cell.Label}")
                    .Append($"{new Markup(cell.Flaky > 0 ? " <span class=\"flaky\">*</span>" : "")}</a></td>");
            }

            html.Append($"</tr>\n");
        }

        html.Append($"</table>\n");
    }
}
