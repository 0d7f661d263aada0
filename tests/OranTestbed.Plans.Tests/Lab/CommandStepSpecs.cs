using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Tests.Lab;

/// <summary>Command templates: {name} variables, {{ and }} braces, and the malformed ones explained.</summary>
public class CommandStepSpecs
{
    [Test]
    public void CommandStep_must_render_variables_and_keep_escaped_braces()
    {
        var step = new CommandStep("ctl --band {band} --json '{{\"prbs\": {prbs}}}'", TimeSpan.FromSeconds(5), 0);
        Assert.That(step.Variables, Is.EqualTo(OranTestbed.Plans.Tests.Support.Expected.Of("band", "prbs")));
        Assert.That(step.Render(new Dictionary<string, string> { ["band"] = "n78", ["prbs"] = "273" }),
            Is.EqualTo("ctl --band n78 --json '{\"prbs\": 273}'"));
        Assert.That(() => step.Render(new Dictionary<string, string> { ["band"] = "n78" }),
            Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo("command variable 'prbs' has no value"));
    }

    [TestCase("ctl {band", "'{' at character 5 is never closed: write {name} for a variable or {{ for a brace")]
    [TestCase("ctl {} x", "'{}' at character 5 names no variable")]
    [TestCase("ctl band} x", "'}' at character 9 closes nothing: write }} for a brace")]
    public void CommandStep_must_explain_a_malformed_template(string template, string message)
    {
        Assert.That(CommandStep.Malformed(template), Is.EqualTo(message));
    }
}
