using System.Text.Json;
using System.Text.Json.Nodes;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.OranJson;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Results.Tests;

public sealed class OranJsonSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private const string RunId = "demo-20250314-092653";

    private static readonly string[] Products = ["xylem/xd-100", "quasar/q-300", "zenith/z-1"];

    [Test]
    public async Task OranResultsExporter_must_write_a_document_valid_against_the_schema()
    {
        await RecordDemoRunAsync(Store);

        string json = await OranResultsExporter.ExportAsync(Store, new ExecutionFilter { RunId = RunId });

        using var document = JsonDocument.Parse(json);
        Assert.That(OranResultsSchema.Validate(document.RootElement), Is.Empty, json);
        var root = JsonNode.Parse(json)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)root["testMetadata"]!["result"], Is.EqualTo("FAIL"));
            Assert.That((string?)root["testMetadata"]!["testType"], Is.EqualTo("interoperability"));
            Assert.That(root["testbedComponents"]!.AsArray().Select(c => (string?)c!["testbedInventoryId"]),
                Is.EquivalentTo(Products));
            var firstCase = root["testResults"]![1]!["groupItems"]![0]!["groupItems"]![0]!;
            Assert.That((string?)firstCase["number"], Is.EqualTo("2.1.1"));
            var metrics = firstCase["metrics"]!.AsArray();
            Assert.That((string?)metrics[2]!["measurements"]![0]!["units"], Is.EqualTo("millisecond"));
            Assert.That((decimal?)metrics[2]!["measurements"]![0]!["values"]![0], Is.EqualTo(0.0015m));
            Assert.That((decimal?)metrics[3]!["measurements"]![0]!["values"]![0], Is.EqualTo(99.5m));
            Assert.That((string?)metrics[4]!["measurements"]![0]!["values"]![0], Is.EqualTo("12.25 ppb"));
            Assert.That((bool?)metrics[5]!["measurements"]![0]!["values"]![0], Is.True);
            Assert.That((string?)metrics[6]!["result"], Is.EqualTo("SKIP"));
        });
    }

    [Test]
    public async Task OranResults_must_round_trip_export_import_export_unchanged()
    {
        await RecordDemoRunAsync(Store);
        string first = await OranResultsExporter.ExportAsync(Store, new ExecutionFilter { RunId = RunId });
        string archive = Path.Combine(Target.Folder, "archive");
        OranResultsExporter.CopyArtifacts(Store, await Store.ListExecutionsAsync(), archive);

        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();
        var summary = await OranResultsImporter.ImportAsync(otherStore, first, archive);
        string second = await OranResultsExporter.ExportAsync(otherStore, new ExecutionFilter { RunId = RunId });

        Assert.That(second, Is.EqualTo(first));
        Assert.That(summary.Stored, Is.EqualTo(4));
        var imported = await otherStore.ListExecutionsAsync();
        var original = await Store.ListExecutionsAsync();
        Assert.That(imported.Select(e => e.Metrics.Length), Is.EqualTo(original.Select(e => e.Metrics.Length)));
        Assert.That(imported.SelectMany(e => e.Metrics), Is.EqualTo(original.SelectMany(e => e.Metrics)));
        Assert.That(imported.SelectMany(e => e.Artifacts), Is.EqualTo(original.SelectMany(e => e.Artifacts)));
        Assert.That(File.ReadAllBytes(otherStore.ArtifactPath(imported.First(e => e.ExecutionId == Samples.Id(1)).Artifacts[0].Sha256)), Is.EqualTo(CaptureBytes));
    }

    [Test]
    public async Task OranResultsImporter_must_store_a_duplicate_upload_once()
    {
        await RecordDemoRunAsync(Store);
        string json = await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All);
        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();
        string archive = Path.Combine(Target.Folder, "archive");
        OranResultsExporter.CopyArtifacts(Store, await Store.ListExecutionsAsync(), archive);

        var first = await OranResultsImporter.ImportAsync(otherStore, json, archive);
        var second = await OranResultsImporter.ImportAsync(otherStore, json, archive);

        Assert.That((first.Stored, first.AlreadyStored), Is.EqualTo((4, 0)));
        Assert.That((second.Stored, second.AlreadyStored), Is.EqualTo((0, 4)));
        Assert.That(await otherStore.ListExecutionsAsync(), Has.Length.EqualTo(4));
    }

    [TestCase("/testMetadata/result", "\"MAYBE\"")]
    [TestCase("/testbedComponents/0/softwareVersion", "42")]
    [TestCase("/testResults/1/groupItems/0/groupItems/0/metrics/0/measurements/0/units", "\"furlongs\"")]
    [TestCase("/testLab/contacts/0/email", "\"not an e-mail\"")]
    public async Task OranResultsImporter_must_refuse_a_schema_invalid_document_with_the_pointer_and_store_nothing(string location, string value)
    {
        string pointer = location;
        await RecordDemoRunAsync(Store);
        var document = JsonNode.Parse(await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All))!;
        Set(document, pointer, JsonNode.Parse(value));
        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();

        var refused = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(otherStore, document.ToJsonString()));

        Assert.That(refused!.Errors.Select(e => e.Location), Does.Contain(pointer), refused.Message);
        Assert.That(await otherStore.ListExecutionsAsync(), Is.Empty);
        Assert.That(await otherStore.ListRunsAsync(), Is.Empty);
    }

    [TestCase("/testResults/1/groupItems/0/groupItems/0/metrics/0/measurements/0/values/0", "1e400")]
    [TestCase("/testResults/1/groupItems/0/groupItems/0/metrics/0/measurements/0/values/0", "-1e400")]
    [TestCase("/testResults/1/groupItems/0/groupItems/0/metrics/0/measurements/0/values/0", "79228162514264337593543950336")]
    [TestCase("/testResults/1/groupItems/0/groupItems/0/metrics/2/measurements/0/values/0", "1e27")] // in ms: 1e33 ns
    [TestCase("/testMetadata/configurationParameters/numMimoLayers", "1e400")]
    [TestCase("/testMetadata/configurationParameters/tddDlUlRatio", "-1e400")]
    public async Task OranResultsImporter_must_refuse_an_out_of_range_number_with_its_pointer(string location, string number)
    {
        string pointer = location;
        await RecordDemoRunAsync(Store);
        var document = JsonNode.Parse(await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All))!;
        if (pointer.StartsWith("/testMetadata/configurationParameters/", StringComparison.Ordinal))
        {
            document["testMetadata"]!["configurationParameters"] ??= new JsonObject();
        }

        Set(document, pointer, JsonNode.Parse(number));
        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();

        var refused = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(otherStore, document.ToJsonString()));

        var error = refused!.Errors.FirstOrDefault(e => e.Location == pointer);
        Assert.That(error, Is.Not.Null, refused.Message);
        Assert.That(error!.Message, Does.Contain("out of range").Or.Contain("not a number"));
        Assert.That(await otherStore.ListExecutionsAsync(), Is.Empty);
    }

    [Test]
    public async Task OranResultsImporter_must_refuse_a_result_that_contradicts_the_tools_own_note_with_the_pointer()
    {
        await RecordDemoRunAsync(Store);
        var document = JsonNode.Parse(await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All))!;
        string pointer = FirstCaseWithResult(document, "", "FAIL") ?? throw new AssertionException("the demo run has no FAIL case");
        Set(document, pointer + "/result", JsonValue.Create("PASS"));
        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();

        var refused = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(otherStore, document.ToJsonString()));

        Assert.That(refused!.Errors.Select(e => e.Location), Does.Contain(pointer + "/result"), refused.Message);
        Assert.That(refused.Message, Does.Contain("disagrees with the execution note's verdict FAIL"));
        Assert.That(await otherStore.ListExecutionsAsync(), Is.Empty);
    }

    /// <summary>The JSON pointer of the first test case (an object with <c>result</c> and <c>notes</c>) whose result is <paramref name="result"/>.</summary>
    private static string? FirstCaseWithResult(JsonNode node, string pointer, string result)
    {
        switch (node)
        {
            case JsonObject o when o["notes"] is not null && o["result"]?.GetValue<string>() == result:
                return pointer;
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (child is not null && FirstCaseWithResult(child, pointer + "/" + key, result) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child && FirstCaseWithResult(child, pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), result) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    [TestCase(1_000)]
    [TestCase(300_000)]
    public void OranResultsImporter_must_refuse_deep_nesting_at_its_line_and_column(int depth)
    {
        string json = "{\"schemaVersion\": 1,\n \"x\": " + new string('[', depth) + new string(']', depth) + "}";

        var refused = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(Store, json));

        var error = refused!.Errors.Single();
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 7 + OranResultsImporter.MaxDepth - 1)), error.ToString());
        Assert.That(error.ToString(), Does.StartWith($"2:{6 + OranResultsImporter.MaxDepth}: not JSON: ").And.Contain("depth of 64"));
    }

    [Test]
    public async Task OranResultsImporter_must_refuse_a_missing_property_and_malformed_json()
    {
        await RecordDemoRunAsync(Store);
        var document = JsonNode.Parse(await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All))!;
        document["testMetadata"]!.AsObject().Remove("dutName");

        var missing = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(Store, document.ToJsonString()));
        var malformed = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(Store, "{\"schemaVersion\": 1,"));

        Assert.That(missing!.Errors.Select(e => e.Location), Does.Contain("/testMetadata"));
        Assert.That(missing.Message, Does.Contain("dutName"));
        Assert.That(malformed!.Errors.Single().Message, Does.StartWith("not JSON"));
    }

    [Test]
    public async Task OranResultsImporter_must_refuse_artifact_paths_leaving_the_archive_and_store_nothing()
    {
        await RecordDemoRunAsync(Store);
        var document = JsonNode.Parse(await OranResultsExporter.ExportAsync(Store, ExecutionFilter.All))!;
        const string pointer = "/testResults/1/groupItems/0/groupItems/0/artifacts/0/path";
        Set(document, pointer, "../../etc/passwd");
        await using var other = await StoreTarget.CreateAsync(Kind);
        var otherStore = await other.OpenAsync();
        string archive = Path.Combine(Target.Folder, "archive");
        Directory.CreateDirectory(archive);

        var refused = Assert.ThrowsAsync<ResultsImportException>(() => OranResultsImporter.ImportAsync(otherStore, document.ToJsonString(), archive));

        var error = refused!.Errors.Single(e => e.Location == pointer);
        Assert.That(error.Message, Does.Contain("leaves the archive"));
        Assert.That(await otherStore.ListRunsAsync(), Is.Empty);
        Assert.That(Directory.Exists(otherStore.ArtifactDirectory) ? Directory.GetFiles(otherStore.ArtifactDirectory, "*", SearchOption.AllDirectories) : [], Is.Empty);
    }

    [Test]
    public async Task OranResultsImporter_must_map_a_document_of_another_tool()
    {
        string json = """
            {
              "schemaVersion": 1,
              "testMetadata": { "startDate": "2025-01-02T03:04:05Z", "dutName": "RU-9", "result": "PASS", "testType": "interoperability",
                                "testId": "ABC250001", "configurationParameters": { "band5G": ["n78"] } },
              "testbedComponents": [ { "componentDescription": "O-RU", "manufacturerName": "Acme", "manufacturerModel": "RU-9", "softwareVersion": "1.0" } ],
              "testLab": { "name": "Lab", "address": "Somewhere 1", "contacts": [ { "firstName": "A", "lastName": "B", "email": "a@b.example" } ] },
              "testSpecifications": [ { "name": "O-RAN.WG4.IOT.0", "version": "10.00", "links": [ { "displayName": "spec", "url": "https://example.org/spec" } ] } ],
              "testResults": [ { "number": "2.1", "name": "Throughput", "description": "DL", "result": "PASS", "status": "mandatory",
                                 "metrics": [ { "description": ">= 100 Mbps", "status": "mandatory", "result": "PASS",
                                                "measurements": [ { "name": "dl", "values": [ 123.4 ], "units": "Mbps" } ] } ] } ]
            }
            """;

        var summary = await OranResultsImporter.ImportAsync(Store, json);

        var execution = (await Store.ListExecutionsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(summary.RunIds.Single(), Is.EqualTo("oran-ABC250001"));
            Assert.That(execution.Subject.Band, Is.EqualTo("n78"));
            Assert.That(execution.Subject.Products.Single().Role, Is.EqualTo("o-ru"));
            Assert.That(execution.Subject.Products.Single().Id, Is.EqualTo("Acme/RU-9"));
            Assert.That(execution.Outcome.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(execution.Metrics.Single().Measured, Is.EqualTo(123.4m));
            Assert.That(execution.Metrics.Single().Unit, Is.EqualTo(Units.Mbps));
        });
    }

    [Test]
    public void OranResultsSchema_must_be_the_published_schema()
    {
        // The O-RAN ALLIANCE file (o-ran-sc/it-tifg, schema/o-ran-test-results-schema.json, commit 1a264b9), by content:
        // checked wherever the repository is cloned; where shared/ lies above the checkout (as in CI) also against it.
        const string Published = "c91a19373a89145759b8a93e7e3c59e2835d6a8a3634b8ca3164cb8f2801fc8c";
        var embedded = OranResultsSchema.Text.ReplaceLineEndings("\n");
        string? shared = null;
        for (var dir = new DirectoryInfo(TestPaths.RepositoryRoot).Parent; dir is not null && shared is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "schemas", "o-ran-test-results-schema.json");
            shared = File.Exists(candidate) ? candidate : null;
        }

        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(embedded))),
                Is.EqualTo(Published));
            if (shared is not null)
            {
                Assert.That(embedded, Is.EqualTo(File.ReadAllText(shared).ReplaceLineEndings("\n")));
            }
        });
    }

    internal static readonly byte[] CaptureBytes = [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0];

    /// <summary>Four executions in two bands, one FAIL, one flaky, one without metrics, with a capture and a log.</summary>
    internal static async Task RecordDemoRunAsync(ResultsStore store)
    {
        await store.BeginRunAsync(Samples.Run(RunId));
        string folder = Path.Combine(Path.GetTempPath(), "otb-evidence-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string capture = Path.Combine(folder, "capture.pcap");
            await File.WriteAllBytesAsync(capture, CaptureBytes);
            string log = Path.Combine(folder, "run.log");
            await File.WriteAllTextAsync(log, "started\nfinished\n");
            await store.RecordAsync(Samples.Execution(Samples.Id(1)),
                [new ArtifactSource(ArtifactKind.Capture, "e1/capture.pcap", capture), new ArtifactSource(ArtifactKind.Log, "e1/run.log", log)]);
            await store.RecordAsync(Samples.Execution(Samples.Id(2), Verdict.Fail, subject: Samples.Subject(caseId: "cu-plane-ul"),
                reasons: ["dl-throughput 780Mbps < 800Mbps", "a \"quoted\", <tagged> & comma'd reason"]));
            var flaky = Samples.Execution(Samples.Id(3), subject: Samples.Subject(oRu: "zenith/z-1"));
            await store.RecordAsync(flaky with { Outcome = flaky.Outcome with { Attempts = 2, Flaky = true } });
            var bare = Samples.Execution(Samples.Id(4), Verdict.Error, subject: Samples.Subject(band: "n41-rural", caseId: "m-plane-startup"),
                reasons: ["driver crashed"]);
            await store.RecordAsync(bare with { Metrics = [], Measurements = [] });
            await store.FinishRunAsync(RunId, Samples.Start.AddMinutes(30), aborted: false);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static void Set(JsonNode document, string pointer, JsonNode? value)
    {
        var parts = pointer.Split('/')[1..];
        var node = document;
        foreach (string part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        if (node is JsonArray target)
        {
            target[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[parts[^1]] = value;
        }
    }
}
