using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Exports;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

public sealed class ExportSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    [Test]
    public async Task JUnitExport_must_write_a_suite_per_setup_and_a_case_per_execution_that_the_junit_schema_accepts()
    {
        await OranJsonSpecs.RecordDemoRunAsync(Store);
        await Store.RecordAsync(Samples.Execution("nul-reason", Verdict.Inconclusive, reasons: ["bad \u0001 byte"]));

        string xml = JUnitExport.Write(await Store.ListExecutionsAsync());

        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(ExportSpecs).Assembly.GetManifestResourceStream("junit.xsd")!)
        {
            schemas.Add(null, XmlReader.Create(xsd));
        }

        var document = XDocument.Parse(xml);
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.That(problems, Is.Empty, xml);
        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(suites.Select(s => (string)s.Attribute("name")!), Is.EqualTo(SuiteNames));
            Assert.That((int)suites[1].Attribute("tests")!, Is.EqualTo(4));
            Assert.That((int)suites[1].Attribute("failures")!, Is.EqualTo(2));
            Assert.That((int)suites[0].Attribute("errors")!, Is.EqualTo(1));
            var failure = suites[1].Descendants("failure").First(f => (string)f.Attribute("type")! == "FAIL");
            Assert.That((string)failure.Attribute("message")!, Is.EqualTo("dl-throughput 780Mbps < 800Mbps"));
            Assert.That(failure.Value, Does.Contain("a \"quoted\", <tagged> & comma'd reason"));
            Assert.That(failure.Value, Does.Contain("dl-throughput = 812.5 Mbps (>= 800Mbps) FAIL"));
            Assert.That(suites[0].Descendants("error").Single().Attribute("message")!.Value, Is.EqualTo("driver crashed"));
            Assert.That(suites[1].Descendants("testcase").Select(t => (string)t.Attribute("name")!), Does.Contain("cu-plane-dl-throughput #1"));
            Assert.That(xml, Does.Contain("bad \uFFFD byte"));
        });
    }

    private static readonly string[] SuiteNames = ["n41-rural / operator-a", "n78-urban / operator-a"];

    [Test]
    public async Task CsvExport_must_quote_fields_as_rfc_4180_says()
    {
        await OranJsonSpecs.RecordDemoRunAsync(Store);

        string csv = CsvExport.Write(await Store.ListExecutionsAsync());

        var lines = csv.Split("\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("run_id,execution_id,band,operator_profile,"));
            Assert.That(lines, Has.Length.EqualTo(6), "header, 4 rows, and the empty rest after the last CRLF");
            Assert.That(lines[^1], Is.Empty);
            Assert.That(csv, Does.Contain(",\"dl-throughput 780Mbps < 800Mbps; a \"\"quoted\"\", <tagged> & comma'd reason\","));
            Assert.That(lines.Count(l => l.Contains(",FAIL,", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(CsvExport.Field("two\nlines"), Is.EqualTo("\"two\nlines\""));
            Assert.That(CsvExport.Field("plain"), Is.EqualTo("plain"));
        });
    }

    [Test]
    public async Task HtmlReport_must_be_one_self_contained_file_with_every_text_encoded()
    {
        await OranJsonSpecs.RecordDemoRunAsync(Store);
        await Store.RecordAsync(Samples.Execution("hostile", Verdict.Fail, reasons: ["<script>alert(1)</script><img src=x onerror=alert(2)>"]));

        string html = HtmlReport.Write("Demo <run>", await Store.ListRunsAsync(), await Store.ListExecutionsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("<img"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Match("<[^>]*\\s(src|href)=").And.Not.Contain("<link"), "no external asset");
            Assert.That(html, Does.Contain("<title>Demo &lt;run&gt;</title>"));
            Assert.That(html, Does.Contain("n78-urban / operator-a").And.Contain("n41-rural / operator-a"));
            Assert.That(html, Does.Contain("xylem/xd-100 — SW 4.2.1"));
            Assert.That(html, Does.Contain("<span class=\"flaky\">flaky</span>"));
            Assert.That(html, Does.Contain("capture e1/capture.pcap (8 bytes, SHA-256 "));
            Assert.That(html, Does.Contain("ta4-max = 1500 nanosecond (&lt;= 2000ns) PASS — max over 3 flows"));
        });
    }
}
