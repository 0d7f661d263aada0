namespace OranTestbed.Results.Model;

/// <summary>
/// Run ids name a folder (<c>RESULTS/runs/RUN-ID</c>), so one given on the command line must be one plain folder name:
/// 1 to 128 ASCII letters, digits, '-', '_' and '.', not starting with '.' or '-' (no <c>..</c>, no separators, no
/// hidden or option-like names). Ids the orchestrator makes (<c>CAMPAIGN-yyyyMMdd-HHmmss</c>) always are.
/// </summary>
public static class RunIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? text)
    {
        if (text is null || text.Length is 0 or > MaxLength || text[0] is '.' or '-')
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="text"/> is refused.</summary>
    public static string Invalid(string text) =>
        $"'{text}' is not a run id: a run id is one folder name of letters, digits, '-', '_' and '.' "
        + $"(at most {MaxLength}, not starting with '.' or '-'), e.g. demo-20260101-120000 (oran-testbed results list)";
}
