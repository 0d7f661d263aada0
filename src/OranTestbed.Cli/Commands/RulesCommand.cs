using System.CommandLine;
using OranTestbed.Analysis.Rules;

namespace OranTestbed.Cli.Commands;

/// <summary><c>oran-testbed rules</c>: prints the analyzer's rule catalogue as a table or as JSON.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var format = new Option<RulesFormat>("--format")
        {
            Description = "text (a table) or json",
            DefaultValueFactory = _ => RulesFormat.Text,
        };
        var command = new Command("rules", "List the analyzer's conformance rules: id, severity, spec clause, description")
        {
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(format), Console.Out));
        return command;
    }

    internal static int Run(RulesFormat format, TextWriter output)
    {
        if (format == RulesFormat.Json)
        {
            output.WriteLine(RuleCatalogueJson.ToJson());
            return ExitCodes.Success;
        }

        int idWidth = "ID".Length, severityWidth = "SEVERITY".Length, clauseWidth = "CLAUSE".Length;
        foreach (var rule in RuleCatalogue.All)
        {
            idWidth = Math.Max(idWidth, rule.Id.Length);
            severityWidth = Math.Max(severityWidth, RuleSeverityNames.Of(rule.Severity).Length);
            clauseWidth = Math.Max(clauseWidth, rule.Clause.Length);
        }

        WriteRow(output, "ID", "SEVERITY", "CLAUSE", "DESCRIPTION", idWidth, severityWidth, clauseWidth);
        foreach (var rule in RuleCatalogue.All)
        {
            WriteRow(output, rule.Id, RuleSeverityNames.Of(rule.Severity), rule.Clause, rule.Description,
                idWidth, severityWidth, clauseWidth);
        }

        output.WriteLine();
        output.WriteLine($"{RuleCatalogue.Count} rules");
        return ExitCodes.Success;
    }

    private static void WriteRow(TextWriter output, string id, string severity, string clause, string description,
        int idWidth, int severityWidth, int clauseWidth) =>
        output.WriteLine($"{id.PadRight(idWidth)}  {severity.PadRight(severityWidth)}  {clause.PadRight(clauseWidth)}  {description}");
}
