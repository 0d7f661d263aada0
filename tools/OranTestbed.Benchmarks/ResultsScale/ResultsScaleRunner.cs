using System.Diagnostics;
using System.Globalization;
using System.Net;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server;

namespace OranTestbed.Benchmarks.ResultsScale;

/// <summary>
/// <c>results-scale generate --results DIR [--runs 1000] [--per-run 1000]</c> writes the <see cref="BusyLab"/> store
/// (SQLite, a run per transaction as the recorder writes it); <c>results-scale copy --results DIR --postgres CONN</c>
/// copies it into PostgreSQL; <c>results-scale measure (--results DIR | --postgres CONN --artifacts DIR) [--repeat N]
/// [--concurrency N]</c> times, in this process and after a warm-up, what an operator's reads and a recorder's writes
/// cost at that size: the full matrix (JSON), one cell's drill-down (the cell page's queries), the dashboard's
/// <c>/</c> over HTTP on localhost, recording a result, and the matrix and <c>/</c> under N concurrent readers.
/// Peak memory of the <c>matrix</c> command is measured on the process (tools/README.md).
/// </summary>
internal static class ResultsScaleRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1]
            : fallback ?? throw new ArgumentException($"results-scale {args.FirstOrDefault()}: {name} is required");
        int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        switch (args.FirstOrDefault())
        {
            case "generate":
                await GenerateAsync(Arg("--results"), Int("--runs", 1000), Int("--per-run", 1000));
                return 0;
            case "copy":
                string folder = Arg("--results");
                long rows = await StoreCopy.ToPostgresAsync(Path.Combine(folder, "results.db"), Arg("--postgres"), Path.Combine(folder, "artifacts"));
                Console.WriteLine($"copied {rows:N0} rows");
                return 0;
            case "measure":
                var options = Array.IndexOf(args, "--postgres") >= 0
                    ? ResultsStoreOptions.Postgres(Arg("--postgres"), Arg("--artifacts"))
                    : ResultsStoreOptions.Sqlite(Path.Combine(Arg("--results"), "results.db"));
                await MeasureAsync(options, Int("--repeat", 20), Int("--concurrency", 100));
                return 0;
            default:
                Console.Error.WriteLine("usage: results-scale generate|copy|measure ... (see ResultsScaleRunner)");
                return 64;
        }
    }

    private static async Task GenerateAsync(string folder, int runs, int perRun)
    {
        Directory.CreateDirectory(folder);
        var store = await ResultsStore.OpenAsync(ResultsStoreOptions.Sqlite(Path.Combine(folder, "results.db")));
        var lab = new BusyLab { PerRun = perRun };
        var clock = Stopwatch.StartNew();
        long results = 0;
        for (int run = 0; run < runs; run++)
        {
            var batch = lab.Results(run).ToList();
            await store.RecordManyAsync([(BusyLab.Run(run) with { FinishedAt = BusyLab.Run(run).StartedAt.AddHours(5) }, null)], batch,
                CancellationToken.None);
            results += batch.Count;
            if (run % 50 == 49)
            {
                Console.Error.WriteLine($"{run + 1} runs, {results:N0} results, {clock.Elapsed.TotalSeconds:0} s");
            }
        }

        Console.WriteLine($"{results:N0} results in {runs} runs, {BusyLab.Executions} executions, in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task MeasureAsync(ResultsStoreOptions options, int repeat, int concurrency)
    {
        var store = await ResultsStore.OpenAsync(options);
        var (band, op, du, ru) = BusyLab.Cell(0);
        Console.WriteLine($"store: {options.Kind}, {(await store.ListRunsAsync()).Length} runs");

        Report("full matrix (table: cells, counts, versions)", await TimeAsync(repeat, () => FullMatrixAsync(store, json: false)));
        Report("full matrix (JSON: + each latest result's reasons, metrics)", await TimeAsync(repeat, () => FullMatrixAsync(store, json: true)));
        Report($"cell drill-down ({du} × {ru}, latest + 50 earlier)", await TimeAsync(repeat, () => CellAsync(store, band, op, du, ru)));
        var cells = new Random(16);
        Report("cell drill-down (a different cell each time)", await TimeAsync(repeat, () =>
        {
            var (b, o, d, r) = BusyLab.Cell(cells.Next(BusyLab.Executions));
            return CellAsync(store, b, o, d, r);
        }));

        await using var server = await ResultsServer.StartAsync(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"], Store = options, PlansDirectory = Path.Combine(Reporting.Repository.Root, "testplans"),
            // One account plays a hundred readers: the per-account read limit (600 a minute) would measure 429s.
            ReadRateLimit = null, UploadRateLimit = null,
        });
        string token = (await store.CreateAccountAsync($"bench-{Guid.NewGuid():N}", AccountRole.Operator, null)).Token;
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(server.Urls[0]) };
        client.DefaultRequestHeaders.Add("Cookie", $"oran-testbed-token={WebUtility.UrlEncode(token)}");
        // A page part is kept until the store changes: "/" right after a result is recorded is the server's whole work.
        string recordRun = $"bench-record-{Guid.NewGuid():N}";
        await store.BeginRunAsync(new RunInfo(recordRun, "busy-lab", "sha256:" + new string('c', 64), BusyLab.FirstRun.AddDays(-1)));
        int recorded = 0;
        var random = new Random(1);
        Task RecordOne() => store.RecordAsync(BusyLab.Result(0, recorded++, Verdict.Pass, random) with { RunId = recordRun });
        Report("dashboard / after a new result (HTTP, built)", await TimeAsync(repeat, () => GetAsync(client, "/"), before: RecordOne));
        Report("dashboard / again (HTTP, kept)", await TimeAsync(repeat, () => GetAsync(client, "/")));
        string vendorToken = (await store.CreateAccountAsync($"bench-vendor-{Guid.NewGuid():N}", AccountRole.Vendor, "xylem")).Token;
        using var vendor = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(server.Urls[0]) };
        vendor.DefaultRequestHeaders.Add("Cookie", $"oran-testbed-token={WebUtility.UrlEncode(vendorToken)}");
        Report("dashboard / of a vendor (xylem's pairs), after a new result", await TimeAsync(repeat, () => GetAsync(vendor, "/"), before: RecordOne));

        // Lists that page, newest first (the API's, as a script reading the history would call them).
        Report("API executions, a page of 50 (HTTP)", await TimeAsync(repeat, () => GetAsync(client, "/api/v1/executions?limit=50")));
        Report($"API executions of {du}, a page of 1000 (HTTP)", await TimeAsync(repeat, () =>
            GetAsync(client, $"/api/v1/executions?product={Uri.EscapeDataString(du)}&limit=1000")));
        Report($"cell page (HTTP, an uncached cell)", await TimeAsync(repeat, () => GetAsync(client, CellPath(BusyLab.Cell(Random.Shared.Next(BusyLab.Executions))))));
        // The run dated before the lab's first: its results join the history without becoming anyone's latest, so the
        // reads measured after it measure the same matrices.
        Report("recording one result (own transaction)", await TimeAsync(Math.Max(repeat, 200), RecordOne));
        if (concurrency > 0) // --concurrency 0 measures one reader at a time only
        {
            await RecordOne(); // the readers arrive right after a result: one of them builds, the others wait for it
            Report($"dashboard / under {concurrency} concurrent readers, after a new result", await ConcurrentAsync(concurrency, _ => GetAsync(client, "/")));
            Report($"the same cell page under {concurrency} concurrent readers", await ConcurrentAsync(concurrency, _ => GetAsync(client, CellPath((band, op, du, ru)))));
            Report($"{concurrency} different cell pages at once", await ConcurrentAsync(concurrency, i => GetAsync(client, CellPath(BusyLab.Cell(i * 57 % BusyLab.Executions)))));
            Report($"full matrix (store) under {concurrency} concurrent readers", await ConcurrentAsync(concurrency, _ => FullMatrixAsync(store, json: false)));
        }

        // Right after a hundred readers, a recording takes whichever of the pool's connections comes next: on PostgreSQL
        // each is a server process of its own that has not yet prepared the recording's statements (nor cached the tables'
        // catalog entries): what a server sees after a burst of readers, until its connections are warm.
        if (concurrency > 0)
        {
            Report($"recording one result right after {concurrency} readers", await TimeAsync(Math.Max(repeat, 200), RecordOne));
        }
    }

    private static async Task FullMatrixAsync(ResultsStore store, bool json)
    {
        var runs = (await store.ListRunsAsync()).Select(r => r.RunId).ToList();
        var latest = await store.ListExecutionsAsync(new ExecutionFilter { LatestOnly = true, SubjectsOnly = !json });
        var matrices = InteropMatrix.Build(latest, runs);
        if ((json ? MatrixFormats.Json(matrices) : MatrixFormats.Csv(matrices)).Length == 0)
        {
            throw new InvalidOperationException("no matrix");
        }
    }

    private static async Task CellAsync(ResultsStore store, string band, string op, string du, string ru)
    {
        var runs = (await store.ListRunsAsync()).Select(r => r.RunId).ToList();
        var pair = new ExecutionFilter { Band = band, OperatorProfile = op, ODu = du, ORu = ru };
        var cell = InteropMatrix.Build(await store.ListExecutionsAsync(pair with { LatestOnly = true }), runs).Single();
        var earlier = await store.ListExecutionsAsync(pair with { ExcludeLatest = true, Limit = 51 });
        if (cell.Cells.Count != 1 || earlier.Length != 51)
        {
            throw new InvalidOperationException($"the cell holds {cell.Cells.Count} pairs and {earlier.Length} earlier results");
        }
    }

    private static string CellPath((string Band, string Operator, string ODu, string ORu) cell) =>
        $"/cells?band={cell.Band}&operator={cell.Operator}&du={Uri.EscapeDataString(cell.ODu)}&ru={Uri.EscapeDataString(cell.ORu)}";

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK || (await response.Content.ReadAsStringAsync()).Length < 1000)
        {
            throw new InvalidOperationException($"GET {path}: {response.StatusCode}");
        }
    }

    private static async Task<List<double>> TimeAsync(int repeat, Func<Task> action, Func<Task>? before = null)
    {
        await action(); // warm-up: JIT, connection pool, page cache
        var times = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Each reader's latency from the moment all are sent (a reader queued behind others counts its wait).</summary>
    private static async Task<List<double>> ConcurrentAsync(int readers, Func<int, Task> action)
    {
        var times = new double[readers];
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(i => Task.Run(async () =>
        {
            try
            {
                await action(i);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
            {
                lock (failures)
                {
                    failures.Add(e.GetBaseException().Message);
                }
            }

            times[i] = clock.Elapsed.TotalMilliseconds;
        })));
        if (failures.Count > 0)
        {
            Console.WriteLine($"  {failures.Count} of {readers} failed, e.g. {failures[0]}");
        }

        return [.. times];
    }

    private static void Report(string what, List<double> ms)
    {
        ms.Sort();
        double Percentile(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-58} n={ms.Count,4}  median {Percentile(0.5),8:0.0} ms  p95 {Percentile(0.95),8:0.0} ms  max {ms[^1],8:0.0} ms"));
    }
}
