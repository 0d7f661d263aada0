using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// Writes executions as an O-RAN ALLIANCE test-results document (schemaVersion 1), valid against the embedded schema.
/// Mapping: testbedComponents = every product tested (role, vendor, model, id as testbedInventoryId, HW/SW/FW versions);
/// testResults = a group per band × operator profile, inside it a group per O-DU × O-RU (× O-CU) combination, inside it
/// one test case per execution (case name, the spec reference as description, our status names, verdict per
/// <see cref="OranResultVerdicts"/>, metrics with the threshold as the requirement text and the value as a measurement
/// named by the metric id, further measurements, artifacts as <c>artifacts/SHA256</c> paths of the archive). testId is
/// a UUID derived from the executions exported, so the same selection has the same id. See <see cref="OranNotes"/> for
/// what travels in notes.
/// </summary>
public static class OranResultsExporter
{
    /// <summary>Folder of the evidence files in a results archive, relative to the document.</summary>
    public const string ArtifactFolder = "artifacts";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document of the executions matching <paramref name="filter"/> (e.g. one run), indented.</summary>
    public static async Task<string> ExportAsync(ResultsStore store, ExecutionFilter filter, OranExportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var executions = await store.ListExecutionsAsync(filter, cancellationToken).ConfigureAwait(false);
        var runIds = executions.Select(e => e.RunId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var runs = new List<RunInfo>();
        string? extras = null;
        foreach (string runId in runIds)
        {
            runs.Add((await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false))!);
            extras ??= await store.OranExtrasAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        return Build(runs, executions, extras, options ?? OranExportOptions.Default).ToJsonString(Indented);
    }

    /// <summary>Copies the evidence files the executions cite into <c>FOLDER/artifacts/SHA256</c> (beside which the
    /// document is written, making an archive a vendor can upload).</summary>
    public static void CopyArtifacts(ResultsStore store, IEnumerable<ExecutionResult> executions, string folder)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(executions);
        string target = Path.Combine(folder, ArtifactFolder);
        Directory.CreateDirectory(target);
        foreach (string sha in executions.SelectMany(e => e.Artifacts).Select(a => a.Sha256).Distinct(StringComparer.Ordinal))
        {
            string path = Path.Combine(target, sha);
            if (!File.Exists(path))
            {
                // Copied under a temporary name and renamed: a copy cut short (a full disk) never stands as the evidence.
                string partial = path + ".partial";
                try
                {
                    File.Copy(store.ArtifactPath(sha), partial, overwrite: true);
                    File.Move(partial, path);
                }
                catch (IOException)
                {
                    File.Delete(partial);
                    throw;
                }
            }
        }
    }

    internal static JsonObject Build(IReadOnlyList<RunInfo> runs, IReadOnlyList<ExecutionResult> executions, string? extras,
        OranExportOptions options)
    {
        if (executions.Count == 0)
        {
            throw new InvalidOperationException("no executions to export: an O-RAN results document needs at least one test case");
        }

        var stored = extras is null ? null : JsonNode.Parse(extras)!.AsObject();
        var cases = new JsonArray();
        var caseResults = new List<string>();
        int groupNumber = 0;
        foreach (var setup in executions.GroupBy(e => (e.Subject.Band, e.Subject.OperatorProfile))
                     .OrderBy(g => g.Key.Band, StringComparer.Ordinal).ThenBy(g => g.Key.OperatorProfile, StringComparer.Ordinal))
        {
            groupNumber++;
            var combinations = new JsonArray();
            int combinationNumber = 0;
            foreach (var combination in setup.GroupBy(e => e.Subject.Combination).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                combinationNumber++;
                var items = new JsonArray();
                int caseNumber = 0;
                foreach (var execution in combination.OrderBy(e => e.Subject.CaseId, StringComparer.Ordinal).ThenBy(e => e.Subject.Repetition)
                             .ThenBy(e => e.RunId, StringComparer.Ordinal).ThenBy(e => e.ExecutionId, StringComparer.Ordinal))
                {
                    caseNumber++;
                    var testCase = TestCase($"{groupNumber}.{combinationNumber}.{caseNumber}", execution);
                    caseResults.Add((string)testCase["result"]!);
                    items.Add(testCase);
                }

                combinations.Add(new JsonObject
                {
                    ["number"] = $"{groupNumber}.{combinationNumber}",
                    ["name"] = Truncate(combination.Key, 255),
                    ["groupItems"] = items,
                });
            }

            cases.Add(new JsonObject
            {
                ["number"] = groupNumber.ToString(CultureInfo.InvariantCulture),
                ["name"] = Truncate($"{setup.Key.Band} for {setup.Key.OperatorProfile}", 255),
                ["description"] = "Band × operator profile: the executions per O-DU × O-RU combination.",
                ["groupItems"] = combinations,
            });
        }

        var metadata = new JsonObject
        {
            ["startDate"] = Time(runs.Min(r => r.StartedAt)),
        };
        if (runs.All(r => r.FinishedAt is not null))
        {
            metadata["stopDate"] = Time(runs.Max(r => r.FinishedAt!.Value));
        }

        var combinationNames = executions.Select(e => e.Subject.Combination).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string dutName = string.Join(", ", combinationNames);
        metadata["dutName"] = dutName.Length <= 255 ? dutName : $"{combinationNames.Count} O-DU × O-RU combinations";
        metadata["interfaceUnderTest"] = new JsonArray("o-du.ofh", "o-ru.ofh");
        metadata["result"] = OranResultVerdicts.Overall(caseResults);
        metadata["testType"] = "interoperability";
        metadata["testId"] = TestId(executions);
        if (IotProfile(executions) is { } iot)
        {
            metadata["iotProfile"] = iot;
        }

        var document = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["testMetadata"] = metadata,
            ["testbedComponents"] = Components(executions),
            ["testLab"] = stored?["testLab"]?.DeepClone() ?? new JsonObject
            {
                ["name"] = options.LabName,
                ["address"] = options.LabAddress,
                ["contacts"] = new JsonArray(new JsonObject
                {
                    ["firstName"] = options.ContactFirstName,
                    ["lastName"] = options.ContactLastName,
                    ["email"] = options.ContactEmail,
                }),
            },
            ["testSpecifications"] = stored?["testSpecifications"]?.DeepClone() ?? Specifications(executions),
            ["testResults"] = cases,
            ["notes"] = new JsonArray(Note(OranNotes.RunsTitle, JsonSerializer.Serialize(
                runs.OrderBy(r => r.RunId, StringComparer.Ordinal).Select(r => new RunNote(r.RunId, r.CampaignId, r.CampaignDescription,
                    r.PlanHash, r.Origin, r.StartedAt, r.FinishedAt, r.Aborted)), OranNotes.Json))),
        };
        return document;
    }

    private static JsonObject TestCase(string number, ExecutionResult execution)
    {
        var s = execution.Subject;
        var o = execution.Outcome;
        var testCase = new JsonObject
        {
            ["number"] = number,
            ["name"] = Truncate(s.CaseName, 255),
            ["description"] = Truncate(s.CaseReference, 1023),
            ["result"] = OranResultVerdicts.OfCase(o.Verdict, o.Flaky),
            ["status"] = OranResultVerdicts.StatusToOran(s.CaseStatus),
        };
        if (!execution.Artifacts.IsEmpty)
        {
            testCase["artifacts"] = new JsonArray([.. execution.Artifacts.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = Truncate(a.Name, 255),
                ["path"] = $"{ArtifactFolder}/{a.Sha256}",
                ["description"] = $"{a.Kind.ToName()}, {a.Size} bytes, SHA-256 {a.Sha256}",
            })]);
        }

        if (!execution.Measurements.IsEmpty)
        {
            testCase["measurements"] = new JsonArray([.. execution.Measurements.Select(m =>
            {
                var converted = m.Values.Select(v => OranUnits.ToOran(m.Unit, v)).ToList();
                var node = new JsonObject
                {
                    ["name"] = m.Name,
                    ["values"] = new JsonArray([.. converted.Select(c => c.Value)]),
                    ["units"] = converted.Count > 0 ? converted[0].Unit : OranUnits.ToOran(m.Unit, 0m).Unit,
                };
                if (m.Description is not null)
                {
                    node.Insert(1, "description", m.Description);
                }

                return (JsonNode)node;
            })]);
        }

        testCase["metrics"] = Metrics(execution);
        var notes = new JsonArray(Note(OranNotes.ExecutionTitle, JsonSerializer.Serialize(new ExecutionNote(execution.RunId,
            execution.ExecutionId, s.Band, s.OperatorProfile, s.IotProfile, s.IotSpecification, s.IotSpecVersion, s.FronthaulProfile, s.CaseId,
            s.CaseStatus, s.Repetition, o.Verdict.ToWireName(), o.Attempts, o.Flaky, o.Bench, o.Duration.Ticks,
            [.. s.Products.Select(p => new ProductNote(p.Role, p.Id, p.Hardware, p.Software, p.Firmware))],
            [.. execution.Metrics.Select(m => new MetricNote(m.Source, m.Unit))],
            [.. execution.Measurements.Select(m => m.Unit)],
            [.. execution.Artifacts.Select(a => new ArtifactNote(a.Kind.ToName(), a.Size))]), OranNotes.Json)));
        foreach (string reason in o.Reasons)
        {
            notes.Add(Note(OranNotes.ReasonTitle, Truncate(reason, 4095)));
        }

        testCase["notes"] = notes;
        if (o.StartedAt is { } started)
        {
            testCase["startDate"] = Time(started);
            testCase["stopDate"] = Time(started + o.Duration);
        }

        return testCase;
    }

    private static JsonArray Metrics(ExecutionResult execution)
    {
        if (execution.Metrics.IsEmpty)
        {
            // The schema needs a metric per test case: a case judged without metrics reports its verdict as one.
            return new JsonArray(new JsonObject
            {
                ["description"] = "The execution's verdict (the case has no measured metric).",
                ["measurements"] = new JsonArray(new JsonObject
                {
                    ["name"] = "verdict",
                    ["values"] = new JsonArray(execution.Outcome.Verdict.ToWireName()),
                    ["units"] = Units.Text,
                }),
                ["status"] = "mandatory",
                ["result"] = OranResultVerdicts.OfMetric(execution.Outcome.Verdict),
            });
        }

        return new JsonArray([.. execution.Metrics.Select(m =>
        {
            var (unit, value) = OranUnits.ToOran(m.Unit, m.Measured);
            var measurement = new JsonObject { ["name"] = Truncate(m.Id, 255) };
            if (m.Note is not null)
            {
                measurement["description"] = Truncate(m.Note, 1023);
            }

            measurement["values"] = new JsonArray(value);
            measurement["units"] = unit;
            return (JsonNode)new JsonObject
            {
                ["description"] = Truncate(m.Threshold, 1023),
                ["measurements"] = new JsonArray(measurement),
                ["status"] = "mandatory",
                ["result"] = OranResultVerdicts.OfMetric(m.Verdict),
            };
        })]);
    }

    private static JsonArray Components(IEnumerable<ExecutionResult> executions) =>
        new([.. executions.SelectMany(e => e.Subject.Products).Distinct()
            .OrderBy(p => ExecutionSubject.Roles.IndexOf(p.Role)).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Software, StringComparer.Ordinal).ThenBy(p => p.Hardware, StringComparer.Ordinal)
            .ThenBy(p => p.Firmware, StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject
            {
                ["componentDescription"] = p.Role.ToUpperInvariant(),
                ["manufacturerName"] = Truncate(p.Vendor, 255),
                ["manufacturerModel"] = Truncate(p.Model, 255),
                ["testbedInventoryId"] = Truncate(p.Id, 255),
                ["softwareVersion"] = Truncate(p.Software, 255),
                ["hardwareVersion"] = Truncate(p.Hardware, 255),
                ["firmwareVersion"] = Truncate(p.Firmware, 255),
            })]);

    private static JsonArray Specifications(IEnumerable<ExecutionResult> executions) =>
        new([.. executions.Select(e => (e.Subject.IotSpecification, e.Subject.IotSpecVersion)).Distinct()
            .OrderBy(s => s.IotSpecification, StringComparer.Ordinal).ThenBy(s => s.IotSpecVersion, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject
            {
                ["name"] = Truncate(s.IotSpecification, 255),
                ["version"] = Truncate(s.IotSpecVersion, 255),
                ["links"] = new JsonArray(new JsonObject
                {
                    ["displayName"] = "O-RAN ALLIANCE specifications",
                    ["url"] = "https://specifications.o-ran.org/specifications",
                }),
            })]);

    /// <summary>The WG4 IOT profile when every execution ran the same CUS-plane profile at a version the schema allows.</summary>
    private static JsonObject? IotProfile(IReadOnlyList<ExecutionResult> executions)
    {
        var profiles = executions.Select(e => (e.Subject.IotProfile, e.Subject.IotSpecVersion)).Distinct().ToList();
        if (profiles.Count != 1 || profiles[0].IotProfile.Length is < 10 or > 128
            || !System.Text.RegularExpressions.Regex.IsMatch(profiles[0].IotSpecVersion, "^[0-9][0-9][.][0-9][0-9]$"))
        {
            return null;
        }

        return new JsonObject
        {
            ["wg4IotSpecificationVersion"] = profiles[0].IotSpecVersion,
            ["cusPlaneIotProfileName"] = profiles[0].IotProfile,
        };
    }

    /// <summary>A UUID (version 8, RFC 9562) from SHA-256 over the exported (run, execution) pairs.</summary>
    private static string TestId(IEnumerable<ExecutionResult> executions)
    {
        var text = new StringBuilder("oran-testbed/test-id/v1");
        foreach (var (run, execution) in executions.Select(e => (e.RunId, e.ExecutionId)).Order())
        {
            text.Append('\n').Append(run).Append('\t').Append(execution);
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static JsonObject Note(string title, string body) => new() { ["title"] = title, ["body"] = body };

    internal static string Time(DateTimeOffset time) => ResultsStore.TimeText(time);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
