using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>
/// Secrets in URLs (issue 14, item 8): a token in the query string is refused, and no query string reaches a log at
/// any level (the harness logs everything, Trace and up).
/// </summary>
public sealed class LogSecretSpecs() : ServerSpec(DatabaseKind.Sqlite)
{
    [TestCase("access_token")]
    [TestCase("token")]
    [TestCase("api_key")]
    [TestCase("Access_Token")]
    public async Task Api_must_refuse_a_token_in_the_url_and_never_log_it(string parameter)
    {
        string token = Server.Tokens["operator"];
        using var anonymous = Server.Client(null);

        using var response = await anonymous.GetAsync($"api/v1/runs?{parameter}={Uri.EscapeDataString(token)}");

        var problem = await Http.ProblemAsync(response, 400);
        Assert.That((string?)problem["detail"], Does.Contain("Authorization: Bearer").And.Not.Contain(token));
        Assert.That(Server.Logs.Lines.Where(l => l.Contains(token, StringComparison.Ordinal)), Is.Empty, "a log line with the token");
    }

    [Test]
    public async Task Server_must_never_log_a_query_string()
    {
        using var client = Server.Client("operator");

        using var response = await client.GetAsync("api/v1/runs?note=private-value-1234");
        using var missing = await client.GetAsync("api/v1/runs/nope?x=private-value-5678");

        Assert.That(Server.Logs.Lines.Where(l => l.Contains("private-value", StringComparison.Ordinal)), Is.Empty, "a log line with the query");
        Assert.That(Server.Logs.Lines, Has.Some.Contains("GET /api/v1/runs"), "requests are still logged, by path");
    }
}
