using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// Stable execution ids: the first 64 bits, as 16 lower-case hex digits, of SHA-256 over the UTF-8 text
/// <c>oran-testbed/execution/v1</c>, then one line each for the operator profile, band, IOT profile, fronthaul profile,
/// O-DU, O-RU, O-CU (empty when none), case and repetition. Only names go in: editing a threshold, a description or a
/// firmware version keeps an execution's id (so results compare across such changes), while testing something else
/// (another profile, product, case or repetition) gives another id. Campaigns do not go in either: the same test in two
/// campaigns is the same execution.
/// </summary>
public static class ExecutionIds
{
    public const int Length = 16;

    private const string Prefix = "oran-testbed/execution/v1";

    public static string Of(string operatorProfile, string band, string iotProfile, string fronthaulProfile, string oDu, string oRu,
        string? oCu, string caseId, int repetition)
    {
        ArgumentNullException.ThrowIfNull(operatorProfile);
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(iotProfile);
        ArgumentNullException.ThrowIfNull(fronthaulProfile);
        ArgumentNullException.ThrowIfNull(oDu);
        ArgumentNullException.ThrowIfNull(oRu);
        ArgumentNullException.ThrowIfNull(caseId);
        Span<char> number = stackalloc char[11];
        repetition.TryFormat(number, out int digits, provider: CultureInfo.InvariantCulture);
        ReadOnlySpan<string?> parts = [Prefix, operatorProfile, band, iotProfile, fronthaulProfile, oDu, oRu, oCu ?? "", caseId];
        int length = digits;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetMaxByteCount(part!.Length) + 1;
        }

        byte[]? rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        int at = 0;
        foreach (var part in parts)
        {
            at += Encoding.UTF8.GetBytes(part, buffer[at..]);
            buffer[at++] = (byte)'\n';
        }

        at += Encoding.UTF8.GetBytes(number[..digits], buffer[at..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..at], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }
}
