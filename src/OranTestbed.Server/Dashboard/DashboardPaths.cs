using System.Text;

namespace OranTestbed.Server.Dashboard;

/// <summary>The dashboard's URLs (every value escaped; empty values left out).</summary>
internal static class DashboardPaths
{
    public const string Matrix = "/";
    public const string Cells = "/cells";
    public const string Runs = "/runs";
    public const string Compare = "/compare";
    public const string Readiness = "/readiness";
    public const string Login = "/login";
    public const string Logout = "/logout";

    public static string Execution(string runId, string executionId) =>
        $"/executions/{Uri.EscapeDataString(runId)}/{Uri.EscapeDataString(executionId)}";

    public static string Cell(MatrixFilter filter, string band, string operatorProfile, string oDu, string oRu) =>
        CellPage(filter, band, operatorProfile, oDu, oRu, before: null);

    /// <summary>A cell's page whose earlier results start after the cursor <paramref name="before"/>.</summary>
    public static string CellPage(MatrixFilter filter, string band, string operatorProfile, string oDu, string oRu, string? before) =>
        With(Cells, ("band", band), ("operator", operatorProfile), ("du", oDu), ("ru", oRu), ("ocu", filter.OCu), ("run", filter.Run),
            ("before", before));

    public static string CompareRuns(string before, string after) => With(Compare, ("before", before), ("after", after));

    public static string MatrixOf(string? run) => With(Matrix, ("run", run));

    public static string LoginReturningTo(string path) => With(Login, ("return", path));

    /// <summary><paramref name="path"/> with the non-empty parameters as its query string.</summary>
    public static string With(string path, params (string Key, string? Value)[] parameters)
    {
        var url = new StringBuilder(path);
        char separator = '?';
        foreach (var (key, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                url.Append(separator).Append(key).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return url.ToString();
    }

    /// <summary>Whether <paramref name="path"/> is a path of this site (so /login may send the browser there): one leading
    /// slash, no scheme, no <c>//host</c> or <c>/\host</c> (an open redirect otherwise).</summary>
    public static bool IsLocal(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);
}
