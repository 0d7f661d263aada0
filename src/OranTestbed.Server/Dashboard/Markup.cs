namespace OranTestbed.Server.Dashboard;

/// <summary>Markup the dashboard wrote itself (a fragment or a chart): the only value that enters a page unencoded
/// through <see cref="HtmlBuilder"/>; everything else is HTML-encoded.</summary>
internal readonly record struct Markup(string Html)
{
    public override string ToString() => Html;
}
