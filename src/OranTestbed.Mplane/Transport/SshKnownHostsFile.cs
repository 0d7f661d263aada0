using System.Security.Cryptography;
using System.Text;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Reads an OpenSSH known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT") and finds the keys listed for one host
/// name: plain comma-separated patterns with <c>*</c>/<c>?</c> wildcards and <c>!</c> negation (case-insensitive, as
/// OpenSSH lower-cases names), hashed names <c>|1|base64(salt)|base64(HMAC-SHA1(salt, name))</c> (<c>ssh-keygen -H</c>),
/// the <c>[host]:port</c> form for ports other than 22, and the <c>@revoked</c> marker. <c>@cert-authority</c> lines are
/// skipped: host certificates are not accepted. Malformed lines are skipped, as OpenSSH does.
/// </summary>
internal static class SshKnownHostsFile
{
    private const string HashMagic = "|1|";

    /// <summary>The entries of <paramref name="path"/> that apply to <paramref name="knownHostsName"/> (<see cref="SshEndpoint.KnownHostsName"/>).</summary>
    public static IReadOnlyList<SshKnownHostsEntry> EntriesFor(string path, string knownHostsName)
    {
        var entries = new List<SshKnownHostsEntry>();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            bool revoked = false;
            int first = 0;
            if (fields[0].StartsWith('@'))
            {
                if (fields[0] == "@cert-authority")
                {
                    continue;
                }

                revoked = fields[0] == "@revoked";
                if (!revoked)
                {
                    continue;
                }

                first = 1;
            }

            if (fields.Length < first + 3 || !HostMatches(fields[first], knownHostsName) ||
                !TryDecode(fields[first + 2], out byte[] blob))
            {
                continue;
            }

            entries.Add(new SshKnownHostsEntry(number, revoked, fields[first + 1], blob));
        }

        return entries;
    }

    /// <summary>True when the host field (hashed name or pattern list) covers <paramref name="name"/>.</summary>
    internal static bool HostMatches(string hostField, string name)
    {
        if (hostField.StartsWith(HashMagic, StringComparison.Ordinal))
        {
            return HashedMatches(hostField, name);
        }

        string lower = name.ToLowerInvariant();
        bool matched = false;
        foreach (string pattern in hostField.Split(','))
        {
            bool negated = pattern.StartsWith('!');
            string body = (negated ? pattern[1..] : pattern).ToLowerInvariant();
            if (Wildcard(body, lower))
            {
                if (negated)
                {
                    return false; // a negated match vetoes the line (match_hostname)
                }

                matched = true;
            }
        }

        return matched;
    }

    private static bool HashedMatches(string hostField, string name)
    {
        string[] parts = hostField[HashMagic.Length..].Split('|');
        if (parts.Length != 2 || !TryDecode(parts[0], out byte[] salt) || !TryDecode(parts[1], out byte[] hash))
        {
            return false;
        }

#pragma warning disable CA5350 // HMAC-SHA1 is what OpenSSH's hashed known_hosts format is defined with (hostfile.c); not our choice
        byte[] computed = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
#pragma warning restore CA5350
        return CryptographicOperations.FixedTimeEquals(computed, hash);
    }

    /// <summary>OpenSSH match_pattern: <c>*</c> any run, <c>?</c> one character, everything else literal.</summary>
    private static bool Wildcard(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern[0] == '*')
            {
                ReadOnlySpan<char> rest = pattern[1..];
                for (int i = 0; i <= text.Length; i++)
                {
                    if (Wildcard(rest, text[i..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (text.IsEmpty || (pattern[0] != '?' && pattern[0] != text[0]))
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.IsEmpty;
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
