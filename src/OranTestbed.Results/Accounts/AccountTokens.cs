using System.Security.Cryptography;
using System.Text;

namespace OranTestbed.Results.Accounts;

/// <summary>
/// API tokens: <c>otb_</c> + 43 base64url characters of 32 random bytes (256 bits from the OS CSPRNG). The store keeps
/// only <see cref="Hash"/>, the hex SHA-256 of the token. No salt and no slow hash (PBKDF2, Argon2) on purpose: those
/// protect LOW-entropy secrets (passwords) against dictionary and precomputed-table attacks; a 256-bit random token has
/// no dictionary and 2^256 candidates, so one SHA-256 is already preimage-resistant, and being deterministic it lets the
/// server find the account by an indexed lookup of the hash (a salted hash would need a token id to find the salt). A
/// leaked database therefore yields no usable token. The lookup by hash also means no byte-wise token comparison that
/// could leak timing.
/// </summary>
public static class AccountTokens
{
    public const string Prefix = "otb_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Plausibility check before any database lookup (length and alphabet), so junk is refused cheaply.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 47 } && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
