using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.Analysis.Rules;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli.Tests;

public class RulesCommandSpecs
{
    [Test]
    public void RulesCommand_must_list_every_catalogue_id_once_in_the_table()
    {
        using var output = new StringWriter();
        Assert.That(RulesCommand.Run(RulesFormat.Text, output), Is.Zero);
        var ids = output.ToString().Split('\n')
            .Select(line => Regex.Match(line, "^([A-Z0-9]+(?:-[A-Z0-9]+)+) ").Groups[1].Value)
            .Where(id => id.Length > 0)
            .ToArray();
        Assert.That(ids, Is.EqualTo(RuleCatalogue.All.Select(r => r.Id)));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void RulesCommand_must_list_every_catalogue_id_once_in_json()
    {
        using var output = new StringWriter();
        Assert.That(RulesCommand.Run(RulesFormat.Json, output), Is.Zero);
        using var json = JsonDocument.Parse(output.ToString());
        var ids = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.That(ids, Is.EqualTo(RuleCatalogue.All.Select(r => r.Id)));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void RulesCommand_must_be_reachable_from_the_command_line()
    {
        var parse = Program.BuildRoot().Parse(["rules", "--format", "json"]);
        Assert.That(parse.Errors, Is.Empty);
    }
}
