using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Plans;
using OranTestbed.Results.Model;
using OranTestbed.Results.Readiness;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /readiness?operator=&amp;band=</c>: which combinations an operator can deploy, per need of its profile and band
/// (<see cref="OperatorReadiness"/>): READY, NOT READY (case, metric, versions), NOT TESTED (missing cases) or
/// INCOMPATIBLE (why), each set of versions judged apart. A vendor sees only the candidates with one of its products.
/// </summary>
internal static class ReadinessPage
{
    /// <summary>The page, built once per store version and reader scope (<see cref="PagePartCache"/>): at a million results
    /// judging an operator's needs reads ~30,000 latest results with their metrics (~2 s), so readers share a build.</summary>
    public static Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store, [FromServices] TestPlan plan,
        [FromServices] PagePartCache cache) => cache.RenderAsync(context, store, data => BuildAsync(context.Request, plan, data));

    private static async Task<PagePartCache.Part> BuildAsync(HttpRequest request, TestPlan plan, DashboardData data)
    {
        // Every value of the request is read before the first await: the request is the first reader's.
        string? op = MatrixFilter.Value(request, "operator"), band = MatrixFilter.Value(request, "band");
        var html = new HtmlBuilder();
        Filters(html, plan, op, band);
        if (op is null)
        {
            html.Append($"<p id=\"choose\">Choose an operator profile to see which combinations it can deploy, need by need.</p>\n");
            return new PagePartCache.Part(html.ToString(), StatusCodes.Status200OK, "Operator readiness");
        }

        var profile = plan.FindOperator(op);
        if (profile is null || (band is not null && profile.Bands.All(b => b.BandId != band)))
        {
            string why = profile is null ? $"The plan has no operator profile {op}." : $"{op} has no band {band}.";
            html.Append($"<p class=\"message\" id=\"unknown\">{why}</p>\n");
            return new PagePartCache.Part(html.ToString(), StatusCodes.Status404NotFound, "Operator readiness");
        }

        var runs = await data.RunsAsync().ConfigureAwait(false);
        // The latest result of each execution per set of versions tested, kept by the store (an older release's results
        // count after a newer one's run), not the operator's whole history.
        var results = await data.ExecutionsAsync(new ExecutionFilter { OperatorProfile = op, Band = band, LatestPerVersions = true })
            .ConfigureAwait(false);
        string? vendor = data.Caller.VendorId;
        var readiness = OperatorReadiness.Build(plan, op, band, results, [.. runs.Select(r => r.RunId)],
            vendor is null ? null : products => products.Any(p => p.StartsWith(vendor + "/", StringComparison.Ordinal)));
        if (profile.Description is { } description)
        {
            html.Append($"<p>{description}</p>\n");
        }

        foreach (var need in readiness.Needs)
        {
            ReadinessSection.Write(html, need);
        }

        html.Append($"<p>Candidates: <span class=\"verdict pass\">READY</span> every case of the need passed within its thresholds ")
            .Append($"with one set of versions (deployable with those), <span class=\"verdict fail\">NOT READY</span> a case failed or missed ")
            .Append($"a threshold, <span class=\"verdict not-run\">NOT TESTED</span> a case has no result, ")
            .Append($"<span class=\"verdict incompatible\">INCOMPATIBLE</span> the plan cannot run the need's cases on it.</p>\n");
        return new PagePartCache.Part(html.ToString(), StatusCodes.Status200OK, $"Readiness of {profile.Name}");
    }

    private static void Filters(HtmlBuilder html, TestPlan plan, string? op, string? band)
    {
        html.Append($"<form class=\"filters\" method=\"get\" action=\"{DashboardPaths.Readiness}\">\n")
            .Append($"<label>Operator profile<select name=\"operator\" id=\"filter-operator\"><option value=\"\">choose</option>");
        foreach (var profile in plan.Operators)
        {
            html.Append($"<option value=\"{profile.Id}\"{Selected(profile.Id == op)}>{profile.Id} ({profile.Name})</option>");
        }

        html.Append($"</select></label>\n<label>Band<select name=\"band\" id=\"filter-band\"><option value=\"\">all</option>");
        var bands = (plan.FindOperator(op ?? "")?.Bands ?? plan.Operators.SelectMany(o => o.Bands)).Select(b => b.BandId).Distinct(StringComparer.Ordinal);
        foreach (string id in bands)
        {
            html.Append($"<option value=\"{id}\"{Selected(id == band)}>{id}</option>");
        }

        html.Append($"</select></label>\n<button type=\"submit\" id=\"apply\">Show</button>\n</form>\n");
    }

    private static Markup Selected(bool selected) => new(selected ? " selected" : "");
}
