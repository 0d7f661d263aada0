using OranTestbed.Plans;
using OranTestbed.Results.Readiness;

namespace OranTestbed.Server.Dashboard;

/// <summary>One need × band of the readiness page: what judges it, then a row per candidate with its state and, per set
/// of versions tested, what keeps it from being ready (linked to the results).</summary>
internal static class ReadinessSection
{
    public static void Write(HtmlBuilder html, NeedReadiness need)
    {
        html.Append($"<section class=\"need\" data-need=\"{need.Need.Id}\" data-band=\"{need.Band}\">\n")
            .Append($"<h2>{need.Need.Id} ({PlanNames.Of(need.Need.Kind)}) in {need.Band}</h2>\n");
        if (need.Need.Description is { } description)
        {
            html.Append($"<p>{description}</p>\n");
        }

        html.Append($"<p class=\"cases\">Cases: {(need.Cases.IsEmpty ? "none" : string.Join(", ", need.Cases))} ({need.CasesFrom})");
        if (!need.Need.Products.IsEmpty)
        {
            html.Append($"; only combinations with {string.Join(", ", need.Need.Products)}");
        }

        if (!need.Need.Thresholds.IsEmpty)
        {
            html.Append($". Thresholds: {string.Join(", ", need.Need.Thresholds.Select(t => $"{t.CaseId} {t.MetricId} {t.Threshold}"))}");
        }

        html.Append($".</p>\n<p class=\"summary\">{need.Count(ReadinessState.Ready)} ready, {need.Count(ReadinessState.NotReady)} not ready, ")
            .Append($"{need.Count(ReadinessState.NotTested)} not tested, {need.Count(ReadinessState.Incompatible)} incompatible</p>\n");
        if (need.Candidates.IsEmpty)
        {
            html.Append($"<p class=\"none\">No candidate combination that this account may see.</p>\n</section>\n");
            return;
        }

        html.Append($"<table class=\"list readiness\"><tr><th>Combination</th><th>Readiness</th><th>Versions tested</th></tr>\n");
        foreach (var candidate in need.Candidates)
        {
            html.Append($"<tr class=\"candidate\" data-du=\"{candidate.ODu}\" data-ru=\"{candidate.ORu}\" data-ocu=\"{candidate.OCu}\" ")
                .Append($"data-state=\"{Name(candidate.State)}\"><td>{candidate.Combination}</td><td>{Badge(candidate.State)}</td><td>");
            Details(html, need, candidate);
            html.Append($"</td></tr>\n");
        }

        html.Append($"</table>\n</section>\n");
    }

    private static void Details(HtmlBuilder html, NeedReadiness need, ReadinessCandidate candidate)
    {
        if (candidate.Incompatible is { } why)
        {
            html.Append($"<span class=\"incompatible-reason\">{why}</span>");
            return;
        }

        if (candidate.Versions.IsEmpty)
        {
            html.Append($"no result of {string.Join(", ", need.Cases)}");
            return;
        }

        html.Append($"<ul class=\"reasons versions\">");
        foreach (var v in candidate.Versions)
        {
            html.Append($"<li class=\"version\" data-state=\"{Name(v.State)}\">{Badge(v.State)} with {string.Join(", ", v.Versions)}");
            if (v.Findings.Any() || v.Missing.Any())
            {
                html.Append($"<ul class=\"reasons\">");
                foreach (var f in v.Findings)
                {
                    html.Append($"<li class=\"finding\" data-case=\"{f.CaseId}\" data-metric=\"{f.MetricId}\">{f.Text} ")
                        .Append($"(<a href=\"{DashboardPaths.Execution(f.RunId, f.ExecutionId)}\">{f.RunId}</a>)</li>");
                }

                if (v.Missing.Any())
                {
                    html.Append($"<li class=\"missing\">not tested: {string.Join(", ", v.Missing)}</li>");
                }

                html.Append($"</ul>");
            }

            html.Append($"</li>");
        }

        html.Append($"</ul>");
    }

    private static Markup Badge(ReadinessState state)
    {
        var badge = new HtmlBuilder();
        badge.Append($"<span class=\"verdict {ReadinessStates.CssClass(state)}\">{ReadinessStates.Name(state)}</span>");
        return new Markup(badge.ToString());
    }

    /// <summary>The state as an attribute value: ready, not-ready, not-tested, incompatible.</summary>
    private static string Name(ReadinessState state) => ReadinessStates.Name(state).ToLowerInvariant().Replace(' ', '-');
}
