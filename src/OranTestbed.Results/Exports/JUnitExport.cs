using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Exports;

/// <summary>
/// JUnit XML for CI servers (the common Ant/Jenkins layout): one <c>testsuite</c> per band × operator profile, one
/// <c>testcase</c> per execution (name "CASE #REPETITION", classname "BAND.OPERATOR.O-DU × O-RU"), FAIL and INCONCLUSIVE
/// as <c>failure</c> (an inconclusive result must not turn a build green), ERROR and ABORTED as <c>error</c>, each
/// with the reasons and failing metrics; every metric in <c>system-out</c>.
/// </summary>
public static class JUnitExport
{
    public static string Write(IEnumerable<ExecutionResult> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var all = executions.ToList();
        var root = new XElement("testsuites", new XAttribute("name", "oran-testbed"));
        int id = 0;
        foreach (var setup in ExportText.BySetup(all))
        {
            var cases = setup.ToList();
            var first = cases[0].Subject;
            var suite = new XElement("testsuite",
                new XAttribute("name", ExportText.XmlSafe(setup.Key)),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(e => IsFailure(e.Outcome.Verdict))),
                new XAttribute("errors", cases.Count(e => IsError(e.Outcome.Verdict))),
                new XAttribute("skipped", 0),
                new XAttribute("time", ExportText.Seconds(TimeSpan.FromTicks(cases.Sum(e => e.Outcome.Duration.Ticks)))),
                new XAttribute("id", id++),
                new XElement("properties",
                    Property("band", first.Band),
                    Property("operator-profile", first.OperatorProfile),
                    Property("iot-profile", $"{first.IotProfile} ({first.IotSpecification} {first.IotSpecVersion})")));
            foreach (var e in cases)
            {
                suite.Add(TestCase(e));
            }

            root.Add(suite);
        }

        root.Add(new XAttribute("tests", all.Count),
            new XAttribute("failures", all.Count(e => IsFailure(e.Outcome.Verdict))),
            new XAttribute("errors", all.Count(e => IsError(e.Outcome.Verdict))),
            new XAttribute("time", ExportText.Seconds(TimeSpan.FromTicks(all.Sum(e => e.Outcome.Duration.Ticks)))));
        // Written as UTF-8 bytes: a writer over a string would declare encoding="utf-16", which the UTF-8 file the text
        // is saved to contradicts (XML readers of CI servers then refuse it).
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings
               {
                   Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
               }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static XElement TestCase(ExecutionResult e)
    {
        var s = e.Subject;
        var o = e.Outcome;
        var testCase = new XElement("testcase",
            new XAttribute("name", ExportText.XmlSafe($"{s.CaseId} #{s.Repetition}")),
            new XAttribute("classname", ExportText.XmlSafe($"{s.Band}.{s.OperatorProfile}.{s.Combination}")),
            new XAttribute("time", ExportText.Seconds(o.Duration)));
        string detail = string.Join("\n", o.Reasons.Concat(e.Metrics.Where(m => m.Verdict != Verdict.Pass).Select(ExportText.Metric)));
        string message = o.Reasons.FirstOrDefault() ?? o.Verdict.ToWireName();
        if (IsFailure(o.Verdict) || IsError(o.Verdict))
        {
            testCase.Add(new XElement(IsFailure(o.Verdict) ? "failure" : "error",
                new XAttribute("message", ExportText.XmlSafe(message)),
                new XAttribute("type", o.Verdict.ToWireName()),
                ExportText.XmlSafe(detail)));
        }

        var output = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"execution {e.ExecutionId} of run {e.RunId} on bench {o.Bench}: {o.Verdict.ToWireName()}")
            .Append(CultureInfo.InvariantCulture, $" after {o.Attempts} attempt(s){(o.Flaky ? ", FLAKY" : "")}\n");
        foreach (var p in s.Products)
        {
            output.Append(CultureInfo.InvariantCulture, $"{p.Role} {p.Id} HW {p.Hardware} SW {p.Software} FW {p.Firmware}\n");
        }

        foreach (var m in e.Metrics)
        {
            output.Append(ExportText.Metric(m)).Append('\n');
        }

        testCase.Add(new XElement("system-out", ExportText.XmlSafe(output.ToString())));
        return testCase;
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", ExportText.XmlSafe(value)));

    private static bool IsFailure(Verdict verdict) => verdict is Verdict.Fail or Verdict.Inconclusive;

    private static bool IsError(Verdict verdict) => verdict is Verdict.Error or Verdict.Aborted;
}
