using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Host key fingerprints as OpenSSH prints them (<c>ssh-keygen -lf</c>: <c>SHA256:</c> and the unpadded base64 of the
/// SHA-256 of the public key blob), so an operator can paste what <c>ssh-keygen</c> or the O-RU's vendor shows, and
/// the key type read from the blob (RFC 4253 §6.6: the blob starts with the type as an SSH string).
/// </summary>
public static class SshHostKeyFingerprint
{
    private const string Prefix = "SHA256:";

    /// <summary>The OpenSSH SHA256 fingerprint of a public key blob.</summary>
    public static string Of(ReadOnlySpan<byte> publicKeyBlob) =>
        Prefix + Convert.ToBase64String(SHA256.HashData(publicKeyBlob)).TrimEnd('=');

    /// <summary>
    /// <paramref name="fingerprint"/> in the canonical form (<c>SHA256:</c>, base64 without padding); throws
    /// <see cref="ArgumentException"/> unless it is a SHA256 fingerprint of 32 bytes (MD5 fingerprints are refused:
    /// too weak to pin a key).
    /// </summary>
    public static string Normalize(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        string text = fingerprint.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"a host key fingerprint must look like ssh-keygen -lf prints it, SHA256:<base64>; got '{text}'", nameof(fingerprint));
        }

        string body = text[Prefix.Length..].TrimEnd('=');
        byte[]? hash = null;
        try
        {
            hash = Convert.FromBase64String(body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
        }

        if (hash is not { Length: 32 })
        {
            throw new ArgumentException($"'{text}' is not a SHA256 fingerprint (32 bytes of base64)", nameof(fingerprint));
        }

        return Prefix + Convert.ToBase64String(hash).TrimEnd('=');
    }

    /// <summary>The key type a public key blob declares (<c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256</c>, <c>ssh-rsa</c>…), or "unknown".</summary>
    public static string KeyType(ReadOnlySpan<byte> publicKeyBlob)
    {
        if (publicKeyBlob.Length < 4)
        {
            return "unknown";
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(publicKeyBlob);
        return length is > 0 and < 64 && publicKeyBlob.Length >= 4 + (int)length
            ? Encoding.ASCII.GetString(publicKeyBlob.Slice(4, (int)length))
            : "unknown";
    }

    /// <summary>"ssh-ed25519 SHA256:…", how messages show a presented key.</summary>
    internal static string Describe(ReadOnlySpan<byte> publicKeyBlob) => $"{KeyType(publicKeyBlob)} {Of(publicKeyBlob)}";
}
