using System.Net;
using OranTestbed.Server.Tests.Dashboard.Support;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>The dashboard over plain HTTP: redirects to /login, the login cookie and its CSRF guards, encoding of hostile
/// text, filters and vendor scoping.</summary>
public sealed class DashboardHttpSpecs
{
    [TestCase("/")]
    [TestCase("/cells?band=n78-urban&operator=operator-a&du=xylem/xd-100&ru=quasar/q-300")]
    [TestCase("/runs")]
    [TestCase("/compare")]
    [TestCase("/executions/run-2025-03-08/exec-xd100-q300")]
    [TestCase("/readiness?operator=operator-b")]
    public async Task Pages_must_redirect_a_request_without_a_valid_token_to_login_and_back(string path)
    {
        using var anonymous = DashboardServer.Client();
        using var forged = DashboardServer.Client("not-a-token");

        foreach (var client in new[] { anonymous, forged })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
                Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/login?return=" + Uri.EscapeDataString(path)));
            });
        }
    }

    [Test]
    public async Task Login_must_set_an_http_only_same_site_strict_cookie_and_return_to_a_local_page_only()
    {
        using var client = DashboardServer.Client();

        using var good = await PostLogin(client, DashboardServer.OperatorToken, "/runs");
        using var offsite = await PostLogin(client, DashboardServer.OperatorToken, "//evil.example/");
        using var bad = await PostLogin(client, "wrong-token", "/runs");

        string cookie = good.Headers.GetValues("Set-Cookie").Single();
        Assert.Multiple(() =>
        {
            Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(good.Headers.Location?.OriginalString, Is.EqualTo("/runs"));
            Assert.That(cookie, Does.StartWith("oran-testbed-token=").And.Contain("httponly").IgnoreCase
                .And.Contain("samesite=strict").IgnoreCase.And.Contain("path=/"));
            Assert.That(cookie, Does.Not.Contain("secure").IgnoreCase, "plain http: a Secure cookie would never come back");
            Assert.That(offsite.Headers.Location?.OriginalString, Is.EqualTo("/"), "no open redirect");
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(bad.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task Login_must_refuse_a_form_sent_from_another_site()
    {
        using var client = DashboardServer.Client();
        using var crossOrigin = await PostLogin(client, DashboardServer.OperatorToken, "/", ("Origin", "https://evil.example"));
        using var crossSite = await PostLogin(client, DashboardServer.OperatorToken, "/", ("Sec-Fetch-Site", "cross-site"));
        using var sameOrigin = await PostLogin(client, DashboardServer.OperatorToken, "/",
            ("Origin", DashboardServer.BaseAddress.GetLeftPart(UriPartial.Authority)));

        Assert.Multiple(() =>
        {
            Assert.That(crossOrigin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(crossOrigin.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(sameOrigin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task The_cookie_must_authenticate_reads_but_no_api_write()
    {
        using var client = DashboardServer.Client(DashboardServer.OperatorToken);

        using var read = await client.GetAsync(new Uri("/api/v1/runs", UriKind.Relative));
        using var write = await client.PostAsync(new Uri("/api/v1/accounts", UriKind.Relative),
            new StringContent("{\"name\":\"mallory\",\"role\":\"admin\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a POST is never authenticated by the cookie");
        });
    }

    [Test]
    public async Task Pages_must_encode_hostile_text_and_forbid_scripts()
    {
        using var client = DashboardServer.Client(DashboardServer.OperatorToken);

        using var cell = await client.GetAsync(new Uri("/cells?band=n78-urban&operator=operator-a&du=polaris/pd-7&ru=quasar/q-300", UriKind.Relative));
        string html = await cell.Content.ReadAsStringAsync();
        using var echoed = await client.GetAsync(new Uri("/?band=" + Uri.EscapeDataString("\"><script>x()</script>"), UriKind.Relative));
        string echo = await echoed.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(cell.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(echo, Does.Not.Contain("<script"));
            Assert.That(echo, Does.Contain("&quot;&gt;&lt;script&gt;"), "the filter value is echoed encoded");
            Assert.That(cell.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'").And.Not.Contain("script-src"));
        });
    }

    [Test]
    public async Task Matrix_filters_must_select_band_operator_and_run()
    {
        using var client = DashboardServer.Client(DashboardServer.OperatorToken);

        string all = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        string n28 = await client.GetStringAsync(new Uri("/?band=n28-rural", UriKind.Relative));
        string oldRun = await client.GetStringAsync(new Uri("/?run=" + DashboardSamples.OldRun, UriKind.Relative));
        string none = await client.GetStringAsync(new Uri("/?operator=nobody", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Contain("data-band=\"n78-urban\"").And.Contain("data-band=\"n28-rural\""));
            Assert.That(n28, Does.Contain("data-band=\"n28-rural\"").And.Not.Contain("data-band=\"n78-urban\""));
            Assert.That(n28, Does.Contain("<option value=\"n28-rural\" selected>"));
            Assert.That(oldRun, Does.Not.Contain("data-band=\"n28-rural\""), "the n28 pair is new in the newer run");
            Assert.That(oldRun, Does.Contain("class=\"cell pass\" data-du=\"xylem/xd-100\" data-ru=\"quasar/q-300\""));
            Assert.That(all, Does.Contain("class=\"cell fail\" data-du=\"xylem/xd-100\" data-ru=\"quasar/q-300\""), "latest: the regression");
            Assert.That(none, Does.Contain("id=\"no-results\""));
        });
    }

    [Test]
    public async Task A_vendor_must_see_only_its_combinations_and_evidence()
    {
        using var client = DashboardServer.Client(DashboardServer.VendorToken);

        string matrix = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var other = await client.GetAsync(new Uri($"/executions/{DashboardSamples.NewRun}/{DashboardSamples.RegressedExecution}", UriKind.Relative));
        using var otherCell = await client.GetAsync(new Uri("/cells?band=n78-urban&operator=operator-a&du=xylem/xd-100&ru=quasar/q-300", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(matrix, Does.Contain("data-ru=\"zephyr/zr-200\""));
            Assert.That(matrix, Does.Not.Contain("quasar/q-300").And.Not.Contain("ymir").And.Not.Contain("polaris"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(otherCell.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Readiness_must_name_an_unknown_operator_encoded_and_scope_a_vendor()
    {
        using var client = DashboardServer.Client(DashboardServer.OperatorToken);
        using var vendor = DashboardServer.Client(DashboardServer.VendorToken);

        using var unknown = await client.GetAsync(new Uri("/readiness?operator=" + Uri.EscapeDataString("<script>x()</script>"), UriKind.Relative));
        string echo = await unknown.Content.ReadAsStringAsync();
        string operatorB = await client.GetStringAsync(new Uri("/readiness?operator=operator-b", UriKind.Relative));
        string zephyrOnB = await vendor.GetStringAsync(new Uri("/readiness?operator=operator-b", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(echo, Does.Contain("The plan has no operator profile &lt;script&gt;x()&lt;/script&gt;.").And.Not.Contain("<script"));
            Assert.That(operatorB, Does.Contain("data-state=\"ready\"").And.Contain("data-band=\"n28-rural\""), "every band without --band");
            Assert.That(zephyrOnB, Does.Not.Contain("tr class=\"candidate\"").And.Contain("No candidate combination that this account may see"),
                "zephyr takes no part in operator B's combinations");
        });
    }

    private static async Task<HttpResponseMessage> PostLogin(HttpClient client, string token, string back, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("token", token), new("return", back)]),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }
}
