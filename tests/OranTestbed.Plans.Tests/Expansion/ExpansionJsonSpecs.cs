using System.Text.Json;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.Expected;

namespace OranTestbed.Plans.Tests.Expansion;

/// <summary>The JSON contract of an expansion: every execution with its id, setup, products and case; every exclusion with its reason.</summary>
public class ExpansionJsonSpecs
{
    [Test]
    public void ExpansionJson_must_list_every_execution_and_exclusion_with_the_agreed_keys()
    {
        var plan = PlanText.Mini().Load();
        var expansion = CampaignExpander.Expand(plan, plan.FindCampaign("c1")!);
        using var json = JsonDocument.Parse(ExpansionJson.ToJson(expansion));
        var root = json.RootElement;
        var executions = root.GetProperty("executions").EnumerateArray().ToList();
        var throughput = executions.Single(e => e.GetProperty("case").GetString() == "throughput" && e.GetProperty("products").GetProperty("oRu").GetString() == "acme/ru-1");
        var exclusion = root.GetProperty("exclusions").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("campaign").GetString(), Is.EqualTo("c1"));
            Assert.That(root.GetProperty("executionCount").GetInt32(), Is.EqualTo(5));
            Assert.That(executions.Select(e => e.GetProperty("id").GetString()), Is.EqualTo(expansion.Executions.Select(e => e.Id)));
            foreach (var e in executions)
            {
                Assert.That(e.EnumerateObject().Select(p => p.Name), Is.SupersetOf(Of("id", "band", "operatorProfile", "iotProfile", "products",
                    "case", "repetition")));
            }

            Assert.That(throughput.GetProperty("band").GetString(), Is.EqualTo("n78-city"));
            Assert.That(throughput.GetProperty("operatorProfile").GetString(), Is.EqualTo("op-a"));
            Assert.That(throughput.GetProperty("iotProfile").GetString(), Is.EqualTo("NR-TDD-FR1-CAT-A-NoBF"));
            Assert.That(throughput.GetProperty("products").GetProperty("oDu").GetString(), Is.EqualTo("acme/du-1"));
            Assert.That(throughput.GetProperty("products").GetProperty("oCu").GetString(), Is.EqualTo("acme/cu-1"));
            Assert.That(throughput.GetProperty("repetition").GetInt32(), Is.EqualTo(1));
            Assert.That(throughput.GetProperty("thresholds").GetProperty("dl-throughput-ratio").GetString(), Is.EqualTo(">= 0.9"));
            Assert.That(executions[1].GetProperty("after").EnumerateArray().Single().GetString(), Is.EqualTo(executions[0].GetProperty("id").GetString()));
            Assert.That(executions[0].GetProperty("products").TryGetProperty("oCu", out _), Is.False);
            Assert.That(exclusion.GetProperty("kind").GetString(), Is.EqualTo("execution"));
            Assert.That(exclusion.GetProperty("products").GetProperty("oRu").GetString(), Is.EqualTo("beta/ru-2"));
            Assert.That(exclusion.GetProperty("case").GetString(), Is.EqualTo("prach"));
            Assert.That(exclusion.GetProperty("what").GetString(), Is.EqualTo("prach on acme/du-1 × beta/ru-2 in n78-city for op-a"));
            Assert.That(exclusion.GetProperty("reason").GetString(), Is.EqualTo("O-RU beta/ru-2 does not support section type 3"));
        }
    }
}
