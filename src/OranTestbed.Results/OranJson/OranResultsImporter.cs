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
/// Reads an O-RAN ALLIANCE test-results document into the store: validated against the embedded schema first, then
/// mapped back (the inverse of <see cref="OranResultsExporter"/>, using our notes when present; a document from another
/// tool is mapped best effort: products from testbedComponents whose description names O-DU/O-RU/O-CU, band from
/// configurationParameters, one execution per test case with an id hashed from testId and case number). Any error —
/// invalid JSON, schema violation, missing evidence, a conflicting earlier result — refuses the whole document with the
/// JSON pointer of each failure, and nothing is stored. Importing the same document twice stores it once.
/// </summary>
public static class OranResultsImporter
{
    private const string ImportedCampaign = "oran-import";

    /// <param name="artifactRoot">The folder of the results archive (the document's artifact paths are relative to it);
    /// null when the document comes alone: its artifacts must then already be in the store.</param>
    public static async Task<ImportSummary> ImportAsync(ResultsStore store, string json, string? artifactRoot = null,
        CancellationToken cancellationToken = default) =>
        await CommitAsync(store, Prepare(store, json, artifactRoot), cancellationToken).ConfigureAwait(false);

    /// <summary>The largest document the command line imports (the server has its own limit,
    /// <c>ServerOptions.MaxDocumentBytes</c>, of the same default).</summary>
    public const long MaxDocumentBytes = 32L << 20;

    /// <summary>Nesting the parser accepts (System.Text.Json's default, stated): deeper is a positioned error.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Reads and validates a document without storing anything (a caller such as the server checks who may upload what
    /// between this and <see cref="CommitAsync"/>). Throws <see cref="ResultsImportException"/> on any error.
    /// </summary>
    public static PreparedImport Prepare(ResultsStore store, string json, string? artifactRoot = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            // The position goes in Line/Column; System.Text.Json's message repeats it (0-based) after " Path: ".
            string message = e.Message;
            int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            throw new ResultsImportException([new ImportError("", "not JSON: " + (cut > 0 ? message[..cut] : message))
            {
                Line = (int)(e.LineNumber ?? 0) + 1,
                Column = (int)(e.BytePositionInLine ?? 0) + 1,
            }]);
        }

        using (document)
        {
            var numberErrors = OranNumbers.OutOfRange(document.RootElement);
            if (!numberErrors.IsEmpty)
            {
                throw new ResultsImportException(numberErrors);
            }

            var schemaErrors = OranResultsSchema.Validate(document.RootElement);
            if (!schemaErrors.IsEmpty)
            {
                throw new ResultsImportException(schemaErrors);
            }

            var reader = new Reader(store, document.RootElement, artifactRoot);
            var (runs, executions, files) = reader.Read();
            if (reader.Errors.Count > 0)
            {
                throw new ResultsImportException(reader.Errors.ToImmutable());
            }

            return new PreparedImport([.. runs], [.. executions.Select(e => new PreparedExecution(e.Result, e.Pointer))], [.. files]);
        }
    }

    /// <summary>Stores a prepared document: evidence files first (content-addressed, harmless if the transaction then
    /// fails), then runs and executions in one transaction; a conflict with a stored result refuses it whole.</summary>
    public static async Task<ImportSummary> CommitAsync(ResultsStore store, PreparedImport prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(prepared);
        foreach (var (path, kind, name) in prepared.Files)
        {
            await using var stream = File.OpenRead(path);
            await store.AddArtifactAsync(kind, name, stream, cancellationToken).ConfigureAwait(false);
        }

        var executions = prepared.Executions;
        var outcomes = await store.RecordManyAsync(prepared.Runs, [.. executions.Select(e => e.Result)], cancellationToken, allOrNothing: true)
            .ConfigureAwait(false);
        var conflicts = outcomes.Select((o, i) => (o, i)).Where(x => x.o == RecordOutcome.Conflict)
            .Select(x => new ImportError(executions[x.i].Location,
                $"execution {executions[x.i].Result.ExecutionId} of run {executions[x.i].Result.RunId} is stored with a different result"))
            .ToImmutableArray();
        if (!conflicts.IsEmpty)
        {
            throw new ResultsImportException(conflicts);
        }

        return new ImportSummary([.. prepared.Runs.Select(r => r.Run.RunId)], outcomes.Count(o => o == RecordOutcome.Stored),
            outcomes.Count(o => o == RecordOutcome.AlreadyStored));
    }

    /// <summary>One document's mapping, collecting errors with pointers instead of stopping at the first.</summary>
    private sealed class Reader(ResultsStore store, JsonElement root, string? artifactRoot)
    {
        public ImmutableArray<ImportError>.Builder Errors { get; } = ImmutableArray.CreateBuilder<ImportError>();

        public (List<(RunInfo Run, string? OranExtras)> Runs, List<(ExecutionResult Result, string Pointer)> Executions,
            List<(string Path, ArtifactKind Kind, string Name)> Files) Read()
        {
            var metadata = root.GetProperty("testMetadata");
            string testId = metadata.GetProperty("testId").GetString()!;
            string extras = new JsonObject
            {
                ["testLab"] = JsonNode.Parse(root.GetProperty("testLab").GetRawText()),
                ["testSpecifications"] = JsonNode.Parse(root.GetProperty("testSpecifications").GetRawText()),
            }.ToJsonString();
            var runs = RunsOf(metadata, testId, extras);
            var components = root.GetProperty("testbedComponents").EnumerateArray().ToList();
            var executions = new List<(ExecutionResult, string)>();
            var files = new List<(string, ArtifactKind, string)>();
            foreach (var (testCase, pointer) in Cases(root.GetProperty("testResults"), "/testResults"))
            {
                var result = CaseOf(testCase, pointer, testId, metadata, components, runs[0].Run.RunId, files);
                if (result is not null)
                {
                    executions.Add((result, pointer));
                }
            }

            foreach (var (result, pointer) in executions)
            {
                if (!runs.Any(r => r.Run.RunId == result.RunId))
                {
                    Errors.Add(new ImportError(pointer, $"run '{result.RunId}' is not among the document's runs"));
                }
            }

            var duplicates = executions.GroupBy(e => (e.Item1.RunId, e.Item1.ExecutionId)).Where(g => g.Count() > 1);
            foreach (var duplicate in duplicates)
            {
                Errors.Add(new ImportError(duplicate.Last().Item2, $"execution {duplicate.Key.ExecutionId} appears twice"));
            }

            return (runs, executions, files);
        }

        private List<(RunInfo Run, string? OranExtras)> RunsOf(JsonElement metadata, string testId, string extras)
        {
            if (Note(root, OranNotes.RunsTitle, "") is (string body, string pointer))
            {
                try
                {
                    var notes = JsonSerializer.Deserialize<List<RunNote>>(body, OranNotes.Json) ?? [];
                    if (notes.Count > 0)
                    {
                        return [.. notes.Select(n => (new RunInfo(n.RunId, n.CampaignId, n.PlanHash, n.StartedAt)
                        {
                            CampaignDescription = n.CampaignDescription, Origin = n.Origin, FinishedAt = n.FinishedAt, Aborted = n.Aborted,
                        }, (string?)extras))];
                    }
                }
                catch (JsonException e)
                {
                    Errors.Add(new ImportError(pointer, $"unreadable runs note: {e.Message}"));
                }
            }

            var start = ParseTime(metadata.GetProperty("startDate"));
            return
            [
                (new RunInfo("oran-" + testId, ImportedCampaign, "", start)
                {
                    Origin = RunInfo.ImportOrigin,
                    FinishedAt = metadata.TryGetProperty("stopDate", out var stop) ? ParseTime(stop) : null,
                }, extras),
            ];
        }

        private ExecutionResult? CaseOf(JsonElement testCase, string pointer, string testId, JsonElement metadata,
            List<JsonElement> components, string defaultRun, List<(string, ArtifactKind, string)> files)
        {
            int errorsBefore = Errors.Count;
            ExecutionNote? note = null;
            if (Note(testCase, OranNotes.ExecutionTitle, pointer) is (string body, string notePointer))
            {
                try
                {
                    note = JsonSerializer.Deserialize<ExecutionNote>(body, OranNotes.Json);
                }
                catch (JsonException e)
                {
                    Errors.Add(new ImportError(notePointer, $"unreadable execution note: {e.Message}"));
                    return null;
                }
            }

            string caseResult = testCase.GetProperty("result").GetString()!;
            var reasons = testCase.TryGetProperty("notes", out var caseNotes)
                ? caseNotes.EnumerateArray().Where(n => n.GetProperty("title").GetString() == OranNotes.ReasonTitle)
                    .Select(n => n.GetProperty("body").GetString()!).ToImmutableArray()
                : [];
            DateTimeOffset? started = testCase.TryGetProperty("startDate", out var s) ? ParseTime(s) : null;
            DateTimeOffset? stopped = testCase.TryGetProperty("stopDate", out var t) ? ParseTime(t) : null;
            var subject = note is null ? ForeignSubject(testCase, metadata, components) : Subject(note, testCase, pointer, components);
            var outcome = note is null
                ? new VerdictRecord(OranResultVerdicts.FromOran(caseResult), 1, false, reasons, "",
                    started is { } a && stopped is { } b ? b - a : TimeSpan.Zero) { StartedAt = started }
                : new VerdictRecord(ParseVerdict(note.Verdict, pointer + "/notes"), note.Attempts, note.Flaky, reasons, note.Bench,
                    TimeSpan.FromTicks(note.DurationTicks)) { StartedAt = started };
            if (note is not null && OranResultVerdicts.OfCase(outcome.Verdict, outcome.Flaky) is { } implied && implied != caseResult)
            {
                // Never let one of two contradicting claims silently win: the standard result is what other tools read.
                Errors.Add(new ImportError(pointer + "/result",
                    $"result '{caseResult}' disagrees with the execution note's verdict {note.Verdict}{(note.Flaky ? " (flaky)" : "")}, which is '{implied}'"));
                return null;
            }

            var metrics = Metrics(testCase, pointer, note);
            var measurements = Measurements(testCase, pointer, note);
            var artifacts = Artifacts(testCase, pointer, note, files);
            if (Errors.Count > errorsBefore)
            {
                return null;
            }

            string executionId = note?.ExecutionId ?? Convert.ToHexStringLower(
                SHA256.HashData(Encoding.UTF8.GetBytes($"{testId}\n{testCase.GetProperty("number").GetString()}")).AsSpan(0, 8));
            return new ExecutionResult(note?.RunId ?? defaultRun, executionId, subject, outcome, metrics)
            {
                Measurements = measurements,
                Artifacts = artifacts,
            };
        }

        private ExecutionSubject Subject(ExecutionNote note, JsonElement testCase, string pointer, List<JsonElement> components)
        {
            var products = ImmutableArray.CreateBuilder<ProductRef>();
            foreach (var p in note.Products)
            {
                var component = components.FirstOrDefault(c => Text(c, "testbedInventoryId") == p.Id && Text(c, "hardwareVersion") == p.Hardware
                    && Text(c, "softwareVersion") == p.Software && Text(c, "firmwareVersion") == p.Firmware);
                if (component.ValueKind != JsonValueKind.Object)
                {
                    Errors.Add(new ImportError(pointer + "/notes", $"product {p.Id} (SW {p.Software}) is not among /testbedComponents"));
                    continue;
                }

                products.Add(new ProductRef(p.Role, p.Id, Text(component, "manufacturerName")!, Text(component, "manufacturerModel")!,
                    p.Hardware, p.Software, p.Firmware));
            }

            return new ExecutionSubject(note.Band, note.OperatorProfile, note.IotProfile, note.IotSpecification, note.IotSpecVersion,
                note.FronthaulProfile, note.CaseId, testCase.GetProperty("name").GetString()!,
                note.CaseStatus, testCase.GetProperty("description").GetString()!, note.Repetition, products.ToImmutable());
        }

        private static ExecutionSubject ForeignSubject(JsonElement testCase, JsonElement metadata, List<JsonElement> components)
        {
            var products = ImmutableArray.CreateBuilder<ProductRef>();
            foreach (string role in ExecutionSubject.Roles)
            {
                var component = components.FirstOrDefault(c =>
                    (Text(c, "componentDescription") ?? "").Replace("-", "", StringComparison.Ordinal)
                        .StartsWith(role.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (component.ValueKind == JsonValueKind.Object)
                {
                    string vendor = Text(component, "manufacturerName")!;
                    string model = Text(component, "manufacturerModel")!;
                    products.Add(new ProductRef(role, Text(component, "testbedInventoryId") ?? $"{vendor}/{model}", vendor, model,
                        Text(component, "hardwareVersion") ?? "", Text(component, "softwareVersion") ?? "", Text(component, "firmwareVersion") ?? ""));
                }
            }

            string band = metadata.TryGetProperty("configurationParameters", out var parameters)
                          && parameters.TryGetProperty("band5G", out var bands) ? bands[0].GetString()! : "unknown";
            metadata.TryGetProperty("iotProfile", out var iot);
            string iotName = iot.ValueKind == JsonValueKind.Object
                ? Text(iot, "cusPlaneIotProfileName") ?? Text(iot, "mPlaneIotProfileName") ?? "unknown"
                : "unknown";
            string iotVersion = iot.ValueKind == JsonValueKind.Object ? Text(iot, "wg4IotSpecificationVersion") ?? "" : "";
            return new ExecutionSubject(band, "unknown", iotName, "O-RAN.WG4.IOT.0", iotVersion, "unknown",
                testCase.GetProperty("number").GetString()!, testCase.GetProperty("name").GetString()!,
                OranResultVerdicts.StatusFromOran(testCase.GetProperty("status").GetString()!), testCase.GetProperty("description").GetString()!,
                1, products.ToImmutable());
        }

        private ImmutableArray<MetricRecord> Metrics(JsonElement testCase, string pointer, ExecutionNote? note)
        {
            var oran = testCase.GetProperty("metrics").EnumerateArray().ToList();
            if (note is not null && note.Metrics.IsEmpty)
            {
                return []; // the one metric is the verdict stand-in the exporter writes for a case without metrics
            }

            if (note is not null && note.Metrics.Length != oran.Count)
            {
                Errors.Add(new ImportError(pointer + "/metrics", $"{oran.Count} metrics where the execution note lists {note.Metrics.Length}"));
                return [];
            }

            var metrics = ImmutableArray.CreateBuilder<MetricRecord>();
            for (int i = 0; i < oran.Count; i++)
            {
                var metric = oran[i];
                var measurement = metric.GetProperty("measurements")[0];
                string oranUnit = measurement.GetProperty("units").GetString()!;
                string unit = note?.Metrics[i].Unit ?? OranUnits.FromOranUnit(oranUnit);
                var (value, error) = unit == Units.Text && note is null ? (null, null) : OranUnits.FromOran(unit, measurement.GetProperty("values")[0]);
                if (error is not null)
                {
                    Errors.Add(new ImportError($"{pointer}/metrics/{i}/measurements/0/values/0", error));
                    continue;
                }

                metrics.Add(new MetricRecord(measurement.GetProperty("name").GetString()!, note?.Metrics[i].Source ?? "imported", unit, value,
                    metric.GetProperty("description").GetString()!, MetricVerdict(metric.GetProperty("result").GetString()!))
                {
                    Note = Text(measurement, "description"),
                });
            }

            return metrics.ToImmutable();
        }

        private ImmutableArray<Measurement> Measurements(JsonElement testCase, string pointer, ExecutionNote? note)
        {
            if (!testCase.TryGetProperty("measurements", out var all))
            {
                return [];
            }

            var measurements = ImmutableArray.CreateBuilder<Measurement>();
            int i = 0;
            foreach (var m in all.EnumerateArray())
            {
                string unit = note is not null && i < note.MeasurementUnits.Length
                    ? note.MeasurementUnits[i]
                    : OranUnits.FromOranUnit(m.GetProperty("units").GetString()!);
                var values = ImmutableArray.CreateBuilder<decimal>();
                int j = 0;
                foreach (var v in m.GetProperty("values").EnumerateArray())
                {
                    var (value, error) = OranUnits.FromOran(unit, v);
                    if (value is { } number)
                    {
                        values.Add(number);
                    }
                    else
                    {
                        Errors.Add(new ImportError($"{pointer}/measurements/{i}/values/{j}", error ?? "a measurement value must be a number"));
                    }

                    j++;
                }

                measurements.Add(new Measurement(m.GetProperty("name").GetString()!, unit, values.ToImmutable()) { Description = Text(m, "description") });
                i++;
            }

            return measurements.ToImmutable();
        }

        private ImmutableArray<ArtifactRef> Artifacts(JsonElement testCase, string pointer, ExecutionNote? note,
            List<(string, ArtifactKind, string)> files)
        {
            if (!testCase.TryGetProperty("artifacts", out var all))
            {
                return [];
            }

            var artifacts = ImmutableArray.CreateBuilder<ArtifactRef>();
            int i = 0;
            foreach (var a in all.EnumerateArray())
            {
                string at = $"{pointer}/artifacts/{i}/path";
                string path = a.GetProperty("path").GetString()!;
                string name = a.GetProperty("name").GetString()!;
                var kind = note is not null && i < note.Artifacts.Length ? ArtifactKinds.Parse(note.Artifacts[i].Kind) : ArtifactKind.Other;
                i++;
                string? named = path.StartsWith(OranResultsExporter.ArtifactFolder + "/", StringComparison.Ordinal)
                                && ArtifactFolder.IsSha256(path[(OranResultsExporter.ArtifactFolder.Length + 1)..])
                    ? path[(OranResultsExporter.ArtifactFolder.Length + 1)..]
                    : null;
                if (artifactRoot is null)
                {
                    if (named is null || !store.HasArtifactContent(named))
                    {
                        Errors.Add(new ImportError(at, $"artifact '{path}' is not in the store and no archive was given"));
                        continue;
                    }

                    artifacts.Add(new ArtifactRef(kind, name, named, new FileInfo(store.ArtifactPath(named)).Length));
                    continue;
                }

                if (ResolveInside(artifactRoot, path) is not { } file)
                {
                    Errors.Add(new ImportError(at, $"artifact path '{path}' leaves the archive or is absolute"));
                    continue;
                }

                if (!File.Exists(file) || new FileInfo(file).LinkTarget is not null)
                {
                    Errors.Add(new ImportError(at, $"artifact '{path}' is missing from the archive (or is a link)"));
                    continue;
                }

                string sha = HashOf(file);
                if (named is not null && named != sha)
                {
                    Errors.Add(new ImportError(at, $"artifact '{path}' has SHA-256 {sha}, not the one its name says"));
                    continue;
                }

                files.Add((file, kind, name));
                artifacts.Add(new ArtifactRef(kind, name, sha, new FileInfo(file).Length));
            }

            return artifacts.ToImmutable();
        }

        private Verdict ParseVerdict(string text, string pointer)
        {
            if (VerdictNames.TryParse(text, out var verdict))
            {
                return verdict;
            }

            Errors.Add(new ImportError(pointer, $"unknown verdict '{text}' in the execution note"));
            return Verdict.Error;
        }

        private static Verdict MetricVerdict(string result) => result switch
        {
            "PASS" => Verdict.Pass,
            "FAIL" => Verdict.Fail,
            _ => Verdict.Inconclusive,
        };

        private static (string Body, string Pointer)? Note(JsonElement owner, string title, string ownerPointer)
        {
            if (!owner.TryGetProperty("notes", out var notes))
            {
                return null;
            }

            int i = 0;
            foreach (var note in notes.EnumerateArray())
            {
                if (note.GetProperty("title").GetString() == title)
                {
                    return (note.GetProperty("body").GetString()!, $"{ownerPointer}/notes/{i}/body");
                }

                i++;
            }

            return null;
        }

        private static IEnumerable<(JsonElement Case, string Pointer)> Cases(JsonElement items, string pointer)
        {
            int i = 0;
            foreach (var item in items.EnumerateArray())
            {
                string at = $"{pointer}/{i++}";
                if (item.TryGetProperty("groupItems", out var children))
                {
                    foreach (var found in Cases(children, at + "/groupItems"))
                    {
                        yield return found;
                    }
                }
                else
                {
                    yield return (item, at);
                }
            }
        }

        private static string? ResolveInside(string root, string relative)
        {
            if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\\', StringComparison.Ordinal)
                || relative.Split('/').Any(part => part is ".." or "."))
            {
                return null;
            }

            string full = Path.GetFullPath(Path.Combine(root, relative));
            string prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
        }

        private static string HashOf(string file)
        {
            using var stream = File.OpenRead(file);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DateTimeOffset ParseTime(JsonElement value) =>
            DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
