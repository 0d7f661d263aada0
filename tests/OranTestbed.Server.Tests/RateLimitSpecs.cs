using System.Net;
using OranTestbed.Results.Store;
using OranTestbed.Server.Limits;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>Per-account rate limits on uploads and reads (tiny limits, an hour's window: nothing replenishes mid-spec).</summary>
public sealed class RateLimitSpecs() : ServerSpec(DatabaseKind.Sqlite)
{
    protected override ServerOptions Configure(ServerOptions options) => options with
    {
        UploadRateLimit = new RateLimit(2, TimeSpan.FromHours(1)),
        ReadRateLimit = new RateLimit(3, TimeSpan.FromHours(1)),
    };

    [Test]
    public async Task Reads_beyond_the_limit_must_be_429_with_retry_after_for_that_account_only()
    {
        using var operatorClient = Server.Client("operator");
        using var other = Server.Client("integrator");

        var allowed = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await operatorClient.GetAsync("api/v1/runs");
            allowed.Add(response.StatusCode);
        }

        using var refused = await operatorClient.GetAsync("api/v1/runs");
        using var page = await operatorClient.GetAsync("runs");
        using var otherAccount = await other.GetAsync("api/v1/runs");

        Assert.That(allowed, Is.All.EqualTo(HttpStatusCode.OK));
        var problem = await Http.ProblemAsync(refused, 429);
        Assert.That((string?)problem["type"], Is.EqualTo("urn:oran-testbed:problem:too-many-requests"));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "dashboard pages are reads too");
        Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another account is unaffected");
    }

    [Test]
    public async Task Uploads_beyond_the_limit_must_be_429_while_reads_and_other_accounts_go_on()
    {
        using var polaris = Server.Client("polaris");
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            var document = await Documents.DocumentAsync($"rate-{i}", [ResultDocuments.Execution($"rate-{i}", "e1")]);
            using var response = await Http.UploadAsync(polaris, document);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                await Http.ProblemAsync(response, 429);
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            }
        }

        var another = await Documents.DocumentAsync("rate-x", [ResultDocuments.Execution("rate-x", "e1")]);
        using var integrator = await Http.UploadAsync(Server.Client("integrator"), another);
        using var read = await polaris.GetAsync("api/v1/runs");

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        Assert.That(integrator.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "uploads and reads are counted apart");
        Assert.That(await Server.Store.ListRunsAsync(), Has.Length.EqualTo(3), "the refused upload stored nothing");
    }
}
