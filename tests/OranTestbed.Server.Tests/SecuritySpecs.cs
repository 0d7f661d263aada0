using System.Net;
using System.Text.Json.Nodes;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>Hostile and unauthorised requests: a clear 4xx as problem+json, and nothing stored.</summary>
public sealed class SecuritySpecs() : ServerSpec(DatabaseKind.Sqlite)
{
    private static readonly string[] OutOfScope = ["execution e2 (xylem/xd-100 × radian/rr-800) includes no product of vendor 'quasar'"];

    protected override ServerOptions Configure(ServerOptions options) => options with { MaxUploadBytes = 256 * 1024, MaxDocumentBytes = 128 * 1024 };

    private async Task AssertNothingStored()
    {
        Assert.That(await Server.Store.ListRunsAsync(), Is.Empty, "nothing may be stored");
        Assert.That(await Server.Store.ListExecutionsAsync(), Is.Empty, "nothing may be stored");
    }

    private Task<UploadDocument> Document(string oDu = "polaris/pd-7", string oRu = "quasar/q-300") =>
        Documents.DocumentAsync("r1", [ResultDocuments.Execution("r1", "e1", oDu, oRu)]);

    [Test]
    public async Task Api_must_answer_401_without_a_token_or_with_an_unknown_malformed_or_revoked_one()
    {
        using var anonymous = Server.Client(null);
        using var unknown = new HttpClient { BaseAddress = Server.BaseAddress };
        unknown.DefaultRequestHeaders.Authorization = new("Bearer", "otb_" + new string('A', 43));
        using var malformed = new HttpClient { BaseAddress = Server.BaseAddress };
        malformed.DefaultRequestHeaders.Add("Authorization", "Basic dXNlcjpwYXNz");
        await Server.Store.RevokeAccountAsync("operator");
        using var revoked = Server.Client("operator");

        foreach (var client in new[] { anonymous, unknown, malformed, revoked })
        {
            using var read = await client.GetAsync("api/v1/runs");
            using var upload = await client.PostAsync("api/v1/results", Http.Json((await Document()).Json));
            await Http.ProblemAsync(read, 401);
            await Http.ProblemAsync(upload, 401);
            Assert.That(read.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        }

        await AssertNothingStored();
    }

    [Test]
    public async Task Api_must_answer_403_to_a_role_without_the_right()
    {
        using var operatorClient = Server.Client("operator");
        using var vendor = Server.Client("polaris");

        using var upload = await operatorClient.PostAsync("api/v1/results", Http.Json((await Document()).Json));
        using var accounts = await vendor.GetAsync("api/v1/accounts");
        using var adminAccounts = await Server.Client("admin").GetAsync("api/v1/accounts");

        var problem = await Http.ProblemAsync(upload, 403);
        await Http.ProblemAsync(accounts, 403);
        Assert.That((string?)problem["detail"], Does.Contain("operator"));
        Assert.That(adminAccounts.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await adminAccounts.Content.ReadAsStringAsync(), Does.Not.Contain("otb_"), "tokens are never shown again");
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_malformed_json_with_400_and_where()
    {
        using var client = Server.Client("integrator");

        using var response = await client.PostAsync("api/v1/results", Http.Json("{\"schemaVersion\": 1,\n  \"testMetadata\": {\"x\": ]}"));

        var problem = await Http.ProblemAsync(response, 400);
        Assert.That((string?)problem["detail"], Does.Contain("line 2"));
        Assert.That(problem["errors"]!.AsArray(), Is.Not.Empty);
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_a_schema_invalid_document_with_422_and_the_json_pointer()
    {
        var document = JsonNode.Parse((await Document()).Json)!;
        document["testMetadata"]!["startDate"] = "yesterday";
        using var client = Server.Client("integrator");

        using var response = await client.PostAsync("api/v1/results", Http.Json(document.ToJsonString()));

        var problem = await Http.ProblemAsync(response, 422);
        Assert.That(problem["errors"]!.AsArray().Select(e => (string?)e!["pointer"]), Does.Contain("/testMetadata/startDate"));
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_an_oversized_body_with_413()
    {
        var document = JsonNode.Parse((await Document()).Json)!;
        document["testMetadata"]!["dutName"] = new string('x', 300 * 1024);
        using var client = Server.Client("integrator");

        // Declared length: refused before the body is read (the client waits for 100-continue, as curl does for big bodies).
        using var declaredRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/results") { Content = Http.Json(document.ToJsonString()) };
        declaredRequest.Headers.ExpectContinue = true;
        using var declared = await client.SendAsync(declaredRequest);
        await Http.ProblemAsync(declared, 413);

        // Chunked: refused once the limit is passed while reading. The server then closes the connection without reading
        // the rest, so a client still sending may see the connection reset instead of the 413: either way, nothing stored.
        using var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())));
        chunked.Headers.ContentType = new("application/json");
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/results") { Content = chunked };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        try
        {
            using var streamed = await client.SendAsync(chunkedRequest);
            await Http.ProblemAsync(streamed, 413);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            TestContext.Out.WriteLine("connection closed before the 413 was read: " + e.Message);
        }

        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_a_document_beyond_the_document_limit_inside_a_multipart_with_413()
    {
        var document = JsonNode.Parse((await Document()).Json)!;
        document["testMetadata"]!["dutName"] = new string('x', 150 * 1024);
        using var client = Server.Client("integrator");

        using var response = await client.PostAsync("api/v1/results", Http.Multipart(document.ToJsonString(), null));

        await Http.ProblemAsync(response, 413);
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_other_media_types_with_415()
    {
        using var client = Server.Client("integrator");

        using var response = await client.PostAsync("api/v1/results", new StringContent((await Document()).Json, System.Text.Encoding.UTF8, "text/plain"));

        await Http.ProblemAsync(response, 415);
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_products_the_lab_does_not_have_with_422_and_the_test_case_pointer()
    {
        var document = await Document(oDu: "acme/du-9000");
        using var client = Server.Client("integrator");

        using var response = await Http.UploadAsync(client, document);

        var problem = await Http.ProblemAsync(response, 422);
        var error = problem["errors"]![0]!;
        Assert.That((string?)error["message"], Does.Contain("acme/du-9000"));
        Assert.That((string?)error["pointer"], Does.Match("^/testResults/0/groupItems/0/groupItems/0$"));
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_a_vendor_uploading_a_combination_without_its_own_product_with_403()
    {
        var document = await Documents.DocumentAsync("r1",
            [ResultDocuments.Execution("r1", "e1", "polaris/pd-7", "quasar/q-300"), ResultDocuments.Execution("r1", "e2", "xylem/xd-100", "radian/rr-800")]);
        using var vendor = Server.Client("quasar");

        using var response = await Http.UploadAsync(vendor, document);

        var problem = await Http.ProblemAsync(response, 403);
        Assert.That(problem["errors"]!.AsArray().Select(e => (string?)e!["message"]),
            Is.EqualTo(OutOfScope));
        await AssertNothingStored();
    }

    [Test]
    public async Task Upload_must_refuse_a_result_conflicting_with_a_stored_one_with_409_and_keep_the_first()
    {
        var first = await Documents.DocumentAsync("r1", [ResultDocuments.Execution("r1", "e1")]);
        await using var other = await ResultDocuments.CreateAsync();
        var changed = await other.DocumentAsync("r1", [ResultDocuments.Execution("r1", "e1", verdict: Verdict.Fail)]);
        using var client = Server.Client("integrator");

        using var stored = await Http.UploadAsync(client, first);
        using var refused = await Http.UploadAsync(client, changed);

        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await Http.ProblemAsync(refused, 409);
        Assert.That((await Server.Store.ListExecutionsAsync()).Single().Outcome.Verdict, Is.EqualTo(Verdict.Pass));
    }
}
