using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;
using OranTestbed.Results.Model;
using OranTestbed.Results.OranJson;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;

namespace OranTestbed.Server.Tests.Support;

/// <summary>
/// Makes O-RAN results documents as a vendor's lab would: executions of lab products recorded in a scratch store of
/// its own, exported with <see cref="OranResultsExporter"/> (and their evidence copied beside, as an archive folder).
/// </summary>
public sealed class ResultDocuments : IAsyncDisposable
{
    public const string Profile = "n28-20mhz-fdd-bfp14";

    private static readonly Lazy<TestPlan> LabPlan = new(() => TestPlanLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans")));

    private readonly ResultsStore _store;

    private ResultDocuments(string folder, ResultsStore store)
    {
        Folder = folder;
        _store = store;
    }

    public string Folder { get; }

    public static TestPlan Plan => LabPlan.Value;

    public static async Task<ResultDocuments> CreateAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "otb-server-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new ResultDocuments(folder, await ResultsStore.OpenSqliteAsync(Path.Combine(folder, "source.db")));
    }

    /// <summary>An execution of lab products (ids VENDOR/PRODUCT) on the n28 rural band.</summary>
    public static ExecutionResult Execution(string runId, string executionId, string oDu = "polaris/pd-7", string oRu = "quasar/q-300",
        Verdict verdict = Verdict.Pass, string caseName = "DL C/U-plane timing", ImmutableArray<string> reasons = default)
    {
        var products = ImmutableArray.Create(Product(oDu), Product(oRu));
        var subject = new ExecutionSubject("n28-rural", "operator-a", "NR-FDD-FR1(15kHzSCS)-CAT-A-NoBF", "O-RAN.WG4.IOT.0", "10.00", Profile,
            "cu-plane-timing", caseName, "mandatory", "O-RAN.WG4.IOT.0 C/U-Plane timing", 1, products);
        return new ExecutionResult(runId, executionId, subject,
            new VerdictRecord(verdict, 1, false, reasons.IsDefault ? [] : reasons, "bench-1", TimeSpan.FromSeconds(2)),
            [new MetricRecord("late-messages", "analyzer", Units.Count, verdict == Verdict.Pass ? 0m : 3m, "== 0", verdict)]);
    }

    /// <summary>A lab product as tested; an id the lab lacks is made up (vendor = the id's first part).</summary>
    public static ProductRef Product(string id)
    {
        if (Plan.Lab.FindProduct(id) is { } product)
        {
            return ProductRef.Of(product);
        }

        string vendor = id.Split('/')[0];
        return new ProductRef(id.Contains("du", StringComparison.Ordinal) ? "o-du" : "o-ru", id, vendor, "Unknown", "1", "1", "1");
    }

    /// <summary>Records one run's executions (with evidence files) and exports them as a document.</summary>
    public async Task<UploadDocument> DocumentAsync(string runId, IEnumerable<ExecutionResult> executions,
        IReadOnlyDictionary<string, ArtifactSource[]>? evidence = null)
    {
        await _store.BeginRunAsync(new RunInfo(runId, "vendor-lab", "sha256:" + new string('b', 64),
            new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero)) { CampaignDescription = "vendor lab campaign" });
        foreach (var execution in executions)
        {
            await _store.RecordAsync(execution, evidence?.GetValueOrDefault(execution.ExecutionId));
        }

        var filter = new ExecutionFilter { RunId = runId };
        string json = await OranResultsExporter.ExportAsync(_store, filter);
        var stored = await _store.ListExecutionsAsync(filter);
        if (stored.All(e => e.Artifacts.IsEmpty))
        {
            return new UploadDocument(json, null);
        }

        string folder = Path.Combine(Folder, "archive-" + runId);
        OranResultsExporter.CopyArtifacts(_store, stored, folder);
        return new UploadDocument(json, folder);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // the system cleans its temporary folder
        }

        return ValueTask.CompletedTask;
    }
}
