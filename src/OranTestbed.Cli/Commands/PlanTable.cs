using System.Globalization;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Cli.Commands;

/// <summary>The table of <c>plan expand</c>: counts per band × operator profile, then the exclusions with their reasons.</summary>
internal static class PlanTable
{
    private static readonly string[] CellHeader = ["BAND", "OPERATOR", "IOT PROFILE", "PAIRS", "COMPATIBLE", "EXECUTIONS", "EXCLUSIONS"];
    private static readonly string[] ExclusionHeader = ["KIND", "BAND", "OPERATOR", "EXCLUDED", "REASON"];

    public static void Write(TextWriter output, CampaignExpansion expansion)
    {
        var campaign = expansion.Campaign;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"campaign {campaign.Id}: {expansion.Executions.Length} executions, {expansion.Exclusions.Length} exclusions"));
        if (campaign.Description is { } description)
        {
            output.WriteLine(description);
        }

        output.WriteLine();
        var rows = new List<string[]> { CellHeader };
        foreach (var cell in expansion.Cells)
        {
            rows.Add([cell.Band, cell.OperatorProfile, cell.IotProfile, Number(cell.Pairs), Number(cell.CompatiblePairs),
                Number(cell.Executions), Number(cell.Exclusions)]);
        }

        int everyBand = expansion.Exclusions.Count(e => e.Band is null);
        if (everyBand > 0)
        {
            rows.Add(["(every band)", "", "", "", "", "", Number(everyBand)]);
        }

        rows.Add(["total", "", "", Number(expansion.Cells.Sum(c => c.Pairs)), Number(expansion.Cells.Sum(c => c.CompatiblePairs)),
            Number(expansion.Executions.Length), Number(expansion.Exclusions.Length)]);
        WriteRows(output, rows);
        if (expansion.Exclusions.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("EXCLUSIONS");
        var exclusions = new List<string[]> { ExclusionHeader };
        foreach (var e in expansion.Exclusions)
        {
            string products = string.Join(" × ", new[] { e.ODu, e.ORu, e.OCu }.OfType<string>());
            string what = e.Case is null ? products : products.Length == 0 ? e.Case : $"{e.Case} on {products}";
            exclusions.Add([PlanNames.Of(e.Kind), e.Band ?? "*", e.OperatorProfile, what, e.Reason]);
        }

        WriteRows(output, exclusions);
    }

    private static void WriteRows(TextWriter output, List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (int i = 0; i < columns - 1; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i < columns - 1 ? cell.PadRight(widths[i]) : cell)).TrimEnd());
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
