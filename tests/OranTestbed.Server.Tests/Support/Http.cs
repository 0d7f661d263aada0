using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OranTestbed.Server.Tests.Support;

/// <summary>Upload requests and answer parsing.</summary>
public static class Http
{
    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    /// <summary>multipart/form-data: part <c>results</c> (the JSON) and, when given, part <c>artifacts</c>.</summary>
    public static HttpContent Multipart(string json, byte[]? archive, string archiveName = "artifacts.tar.gz")
    {
        var content = new MultipartFormDataContent();
        var document = new StringContent(json, Encoding.UTF8, "application/json");
        content.Add(document, "results", "results.json");
        if (archive is not null)
        {
            var file = new ByteArrayContent(archive);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "artifacts", archiveName);
        }

        return content;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, UploadDocument document, bool zip = false)
    {
        using var content = document.ArtifactFolder is { } folder
            ? Multipart(document.Json, zip ? Archives.ZipOf(folder) : Archives.TarGzOf(folder), zip ? "artifacts.zip" : "artifacts.tar.gz")
            : Json(document.Json);
        return await client.PostAsync("api/v1/results", content);
    }

    private static readonly string[] FinalStatuses = ["verified", "flagged", "failed"];

    /// <summary>
    /// Polls an upload's status URL (<paramref name="href"/>, from its answer) until the verification is final and returns
    /// that answer, asserting every status seen on the way is one of the documented ones and never goes back. The deadline
    /// only keeps a broken worker from hanging the run; nothing is asserted about how long it took.
    /// </summary>
    public static async Task<JsonNode> UntilVerifiedAsync(HttpClient client, string href)
    {
        string[] order = ["accepted", "analysing", .. FinalStatuses];
        var deadline = DateTime.UtcNow.AddMinutes(2);
        int reached = 0;
        while (true)
        {
            using var response = await client.GetAsync(href.TrimStart('/'));
            var body = await BodyAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), body.ToJsonString());
            int at = Array.IndexOf(order, (string?)body["status"]);
            Assert.That(at, Is.GreaterThanOrEqualTo(reached), $"status went back or is unknown: {body.ToJsonString()}");
            reached = at;
            if (FinalStatuses.Contains((string?)body["status"]))
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"the upload is still {(string?)body["status"]} after 2 minutes: {body.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new AssertionException("empty JSON body");
        }
        catch (JsonException)
        {
            throw new AssertionException($"not JSON ({(int)response.StatusCode}): {text}");
        }
    }

    /// <summary>Asserts an RFC 7807 problem with this status and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((int?)body["status"], Is.EqualTo(status));
            Assert.That((string?)body["type"], Does.StartWith("urn:oran-testbed:problem:"));
            Assert.That((string?)body["detail"], Is.Not.Empty);
        });
        return body;
    }
}
