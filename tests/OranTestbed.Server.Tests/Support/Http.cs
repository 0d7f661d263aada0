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
