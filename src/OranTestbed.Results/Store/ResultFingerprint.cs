using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Store;

/// <summary>
/// Canonical form and content hash of an execution result: decimals without trailing zeros, times in UTC to the
/// microsecond (what both databases keep), so a result read back or re-imported hashes like the one recorded.
/// </summary>
internal static class ResultFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static ExecutionResult Normalize(ExecutionResult result) => result with
    {
        Subject = result.Subject with { Products = OrEmpty(result.Subject.Products) },
        Outcome = result.Outcome with { StartedAt = Time(result.Outcome.StartedAt), Reasons = OrEmpty(result.Outcome.Reasons) },
        Artifacts = OrEmpty(result.Artifacts),
        Metrics = [.. OrEmpty(result.Metrics).Select(m => m with { Measured = m.Measured is { } v ? Decimals.Normalize(v) : null })],
        Measurements = [.. OrEmpty(result.Measurements).Select(m => m with { Values = [.. OrEmpty(m.Values).Select(Decimals.Normalize)] })],
    };

    public static string Of(ExecutionResult normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized, Options)));

    public static DateTimeOffset? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    public static DateTimeOffset Time(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    public static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
