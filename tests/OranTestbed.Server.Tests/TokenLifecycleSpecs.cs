using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>Token expiry and rotation through the API and the dashboard login, on a clock the spec moves.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class TokenLifecycleSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override ServerOptions Configure(ServerOptions options) => options with { Store = options.Store with { Clock = _clock } };

    [Test]
    public async Task Api_must_answer_an_expired_token_401_saying_it_expired_and_an_unknown_one_nothing_more()
    {
        using var admin = Server.Client("admin");
        using var created = await admin.PostAsJsonAsync("api/v1/accounts", new { name = "short", role = "operator", expires = "1h" });
        var body = await Http.BodyAsync(created);
        using var client = Bearer((string)body["token"]!);

        using var fresh = await client.GetAsync("api/v1/runs");
        _clock.Advance(TimeSpan.FromHours(1));
        using var expired = await client.GetAsync("api/v1/runs");
        using var unknown = await Bearer(Results.Accounts.AccountTokens.NewToken()).GetAsync("api/v1/runs");

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        Assert.That((DateTimeOffset?)body["account"]!["tokenExpiresAt"], Is.EqualTo(_clock.GetUtcNow()));
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await Http.ProblemAsync(expired, 401))["detail"], Does.Contain("expired at 2026-03-01 13:00:00 UTC"));
        Assert.That((string?)(await Http.ProblemAsync(unknown, 401))["detail"], Does.Contain("unknown or revoked").And.Not.Contain("expired"));
    }

    [Test]
    public async Task Rotation_must_keep_the_old_token_until_the_grace_ends_and_the_new_one_after()
    {
        using var admin = Server.Client("admin");
        using var old = Server.Client("operator");

        using var rotation = await admin.PostAsJsonAsync("api/v1/accounts/operator/rotate", new { grace = "2h" });
        var body = await Http.BodyAsync(rotation);
        using var renewed = Bearer((string)body["token"]!);
        using var oldInGrace = await old.GetAsync("api/v1/runs");
        _clock.Advance(TimeSpan.FromHours(2));
        using var oldAfter = await old.GetAsync("api/v1/runs");
        using var newAfter = await renewed.GetAsync("api/v1/runs");

        Assert.That(rotation.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That((DateTimeOffset?)body["oldTokenRetiresAt"], Is.EqualTo(_clock.GetUtcNow()));
        Assert.That(oldInGrace.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await Http.ProblemAsync(oldAfter, 401))["detail"], Does.Contain("replaced by a rotation"));
        Assert.That(newAfter.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_account_must_rotate_its_own_token_only_and_not_lengthen_its_life()
    {
        using var polaris = Server.Client("polaris");

        using var own = await polaris.PostAsJsonAsync("api/v1/accounts/polaris/rotate", new { grace = "0s" });
        var body = await Http.BodyAsync(own);
        using var renewed = Bearer((string)body["token"]!);
        using var oldAfter = await polaris.GetAsync("api/v1/runs");
        using var other = await renewed.PostAsJsonAsync("api/v1/accounts/quasar/rotate", new { });
        using var forever = await renewed.PostAsJsonAsync("api/v1/accounts/polaris/rotate", new { expires = "never" });
        using var badGrace = await renewed.PostAsJsonAsync("api/v1/accounts/polaris/rotate", new { grace = "400d" });

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        await Http.ProblemAsync(oldAfter, 401);
        await Http.ProblemAsync(other, 403);
        await Http.ProblemAsync(forever, 403);
        await Http.ProblemAsync(badGrace, 422);
        Assert.That((await renewed.GetAsync("api/v1/runs")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused rotations changed nothing");
    }

    [Test]
    public async Task Dashboard_login_must_say_a_token_expired()
    {
        var (_, token) = await Server.Store.CreateAccountAsync("viewer", Results.Accounts.AccountRole.Operator, null,
            new Results.Accounts.TokenLifetime(TimeSpan.FromMinutes(5)));
        _clock.Advance(TimeSpan.FromMinutes(5));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        using var login = await browser.PostAsync("login", new FormUrlEncodedContent([new("token", token), new("return", "/")]));
        string page = await login.Content.ReadAsStringAsync();

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(page, Does.Contain("the token expired at").And.Not.Contain(token));
    }

    [Test]
    public async Task Dashboard_must_warn_on_every_page_in_the_last_two_weeks_of_a_token_and_of_a_rotations_grace()
    {
        var (_, lasting) = await Server.Store.CreateAccountAsync("lasting", Results.Accounts.AccountRole.Operator, null,
            new Results.Accounts.TokenLifetime(TimeSpan.FromDays(30)));
        var (_, ending) = await Server.Store.CreateAccountAsync("ending", Results.Accounts.AccountRole.Operator, null,
            new Results.Accounts.TokenLifetime(TimeSpan.FromDays(10)));
        var (_, forever) = await Server.Store.CreateAccountAsync("forever", Results.Accounts.AccountRole.Operator, null,
            Results.Accounts.TokenLifetime.Never);
        using var admin = Server.Client("admin");
        using var rotation = await admin.PostAsJsonAsync("api/v1/accounts/lasting/rotate", new { grace = "3h" });
        var now = _clock.GetUtcNow();

        string Notice(string page) => System.Text.RegularExpressions.Regex.Match(page, "<p class=\"message\" id=\"token-notice\">(.*?)</p>").Groups[1].Value;
        string endingMatrix = Notice(await Bearer(ending).GetStringAsync("/"));
        string endingRuns = Notice(await Bearer(ending).GetStringAsync("/runs"));
        string retiring = Notice(await Bearer(lasting).GetStringAsync("/"));
        string never = Notice(await Bearer(forever).GetStringAsync("/"));
        _clock.Advance(TimeSpan.FromDays(9));
        string lastDay = Notice(await Bearer(ending).GetStringAsync("/readiness"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotation.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(endingMatrix, Does.StartWith($"This token expires on {At(now.AddDays(10))} (in 10 days)")
                .And.Contain("oran-testbed accounts rotate ending").And.Contain("POST /api/v1/accounts/ending/rotate"));
            Assert.That(endingRuns, Is.EqualTo(endingMatrix), "every page says it");
            Assert.That(retiring, Does.StartWith($"This token was replaced by a rotation and stops working on {At(now.AddHours(3))} (in 3 hours)"));
            Assert.That(never, Is.Empty, "a token that never expires has nothing to warn of");
            Assert.That(lastDay, Does.Contain("(in 24 hours)"));
        }
    }

    [Test]
    public async Task Dashboard_must_not_warn_of_a_token_with_more_than_two_weeks_left()
    {
        var (_, token) = await Server.Store.CreateAccountAsync("month", Results.Accounts.AccountRole.Operator, null,
            new Results.Accounts.TokenLifetime(TimeSpan.FromDays(15)));
        var now = _clock.GetUtcNow();

        string page = await Bearer(token).GetStringAsync("/");
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        string later = await Bearer(token).GetStringAsync("/");

        Assert.That(page, Does.Not.Contain("token-notice"));
        Assert.That(later, Does.Contain($"id=\"token-notice\">This token expires on {At(now.AddDays(15))} (in 13 days)"));
    }

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private HttpClient Bearer(string token)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
