using System.Diagnostics;
using System.Net;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>Load on loopback, both databases: 100 concurrent uploads (50 documents, each sent twice at once by two
/// vendors' accounts... and the integrator) all answered 2xx, every execution stored exactly once, none lost. Bounded
/// in count and time.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class LoadSpecs(DatabaseKind kind)
{
    [Test]
    [CancelAfter(240_000)]
    public async Task Server_must_store_100_concurrent_uploads_exactly_once(CancellationToken cancellationToken)
    {
        // Concurrency is measured here, not the per-account rate limits (RateLimitSpecs): 100 uploads of two accounts in
        // a second are beyond the default 30 a minute.
        await using var server = await ServerHarness.StartAsync(kind, o => o with { UploadRateLimit = null, ReadRateLimit = null });
        await using var documents = await ResultDocuments.CreateAsync();
        var batch = new List<UploadDocument>();
        for (int i = 0; i < 50; i++)
        {
            string run = $"load-{i:D2}";
            batch.Add(await documents.DocumentAsync(run, [ResultDocuments.Execution(run, "e1"), ResultDocuments.Execution(run, "e2")]));
        }

        using var polaris = server.Client("polaris");
        using var integrator = server.Client("integrator");
        var clock = Stopwatch.StartNew();

        var uploads = batch.SelectMany(d => new[] { (polaris, d), (integrator, d) })
            .Select(async x =>
            {
                using var response = await Http.UploadAsync(x.Item1, x.d);
                return (response.StatusCode, Body: await Http.BodyAsync(response));
            })
            .ToList();
        var answers = await Task.WhenAll(uploads).WaitAsync(cancellationToken);

        var stored = await server.Store.ListExecutionsAsync(cancellationToken: cancellationToken);
        TestContext.Out.WriteLine($"{kind}: 100 concurrent uploads in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (string error in server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Take(3))
        {
            TestContext.Out.WriteLine(error);
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.Length.EqualTo(100));
            Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK),
                string.Join("\n", answers.Where(a => (int)a.StatusCode >= 300).Select(a => a.Body.ToJsonString())));
            Assert.That(answers.Sum(a => (int?)a.Body["stored"] ?? 0), Is.EqualTo(100), "each execution stored by exactly one upload");
            Assert.That(stored.Select(e => (e.RunId, e.ExecutionId)).Distinct().Count(), Is.EqualTo(100));
            Assert.That(stored, Has.Length.EqualTo(100));
        });
    }
}
