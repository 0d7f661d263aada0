using System.Text.Json;
using OranTestbed.Server.Api.Contracts;

namespace OranTestbed.Server.Uploads;

/// <summary>
/// What an upload stored, journaled with it (table upload, column summary) when it is accepted: the SHA-256 of its
/// document and archive, its runs, how many executions were new and already stored, and each execution (its evidence
/// is left out: checks are read fresh from the store, as the verification goes on). Uploads journaled before the
/// verification queue held their checks here too; those are ignored when read.
/// </summary>
internal sealed record UploadReceipt(string UploadSha256, IReadOnlyList<string> Runs, int Stored, int AlreadyStored,
    IReadOnlyList<UploadedExecutionDto> Executions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this with { Executions = [.. Executions.Select(e => e with { Evidence = null })] }, Json);

    public static UploadReceipt Parse(string json) =>
        JsonSerializer.Deserialize<UploadReceipt>(json, Json) ?? throw new JsonException("an upload receipt is null");
}
