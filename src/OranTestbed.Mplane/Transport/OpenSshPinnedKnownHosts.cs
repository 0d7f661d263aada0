using System.Diagnostics;
using System.Globalization;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Lets OpenSSH, which checks host keys only against known_hosts files, enforce a pinned SHA256 fingerprint: the
/// server's public keys are fetched with <c>ssh-keyscan</c>, the one whose fingerprint is the pinned one is written to
/// a private known_hosts file (folder 0700), and ssh then runs with <c>StrictHostKeyChecking yes</c> against that file
/// only. Fetching keys unauthenticated is safe because the real connection must prove possession of the pinned key;
/// a server without it is refused before credentials are sent. Deleted on dispose.
/// </summary>
internal sealed class OpenSshPinnedKnownHosts : IDisposable
{
    private readonly string _folder;

    private OpenSshPinnedKnownHosts(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    /// <summary>The known_hosts file holding just the pinned key.</summary>
    public string Path { get; }

    /// <summary>Fetches the keys of <paramref name="endpoint"/> and keeps the pinned one; refuses (naming what was presented) when none is.</summary>
    public static async Task<OpenSshPinnedKnownHosts> CreateAsync(SshEndpoint endpoint, SshPinnedFingerprintPolicy pinned, string sshKeyscan,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        string scanned = await ScanAsync(endpoint, sshKeyscan, timeout, cancellationToken).ConfigureAwait(false);
        string folder = Directory.CreateTempSubdirectory("otb-pinned-host-").FullName;
        try
        {
            string all = System.IO.Path.Combine(folder, "scanned");
            await File.WriteAllTextAsync(all, scanned, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SshKnownHostsEntry> keys = SshKnownHostsFile.EntriesFor(all, endpoint.KnownHostsName);
            SshKnownHostsEntry? match = keys.FirstOrDefault(k => SshHostKeyFingerprint.Of(k.PublicKeyBlob) == pinned.Fingerprint);
            if (match is null)
            {
                string presented = keys.Count == 0
                    ? "no key at all"
                    : string.Join(", ", keys.Select(k => SshHostKeyFingerprint.Describe(k.PublicKeyBlob)));
                throw new MplaneConnectionException(MplaneConnectionFailure.HostKeyRejected, endpoint.ToString(),
                    $"host key of {endpoint.KnownHostsName} refused: it presented {presented}, not the pinned {pinned.Fingerprint}");
            }

            string path = System.IO.Path.Combine(folder, "known_hosts");
            await File.WriteAllTextAsync(path,
                $"{endpoint.KnownHostsName} {match.KeyType} {Convert.ToBase64String(match.PublicKeyBlob)}\n", cancellationToken).ConfigureAwait(false);
            File.Delete(all);
            return new OpenSshPinnedKnownHosts(folder, path);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Already gone; it holds a public key only.
        }
    }

    private static async Task<string> ScanAsync(SshEndpoint endpoint, string sshKeyscan, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sshKeyscan)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-p", endpoint.Port.ToString(CultureInfo.InvariantCulture), "-T",
                     Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "--", endpoint.Host })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new MplaneConnectionException(MplaneConnectionFailure.SshFailure, endpoint.ToString(),
                $"cannot start '{sshKeyscan}' to fetch the host keys of {endpoint} for the pinned fingerprint: {e.Message}", e);
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            string keys = await output.ConfigureAwait(false);
            if (keys.Trim().Length == 0)
            {
                string said = (await error.ConfigureAwait(false)).Trim();
                throw new MplaneConnectionException(MplaneConnectionFailure.Unreachable, endpoint.ToString(),
                    $"ssh-keyscan got no host key from {endpoint.Host}:{endpoint.Port} ({endpoint}): {(said.Length == 0 ? "no answer" : said)}");
            }

            return keys;
        }
    }
}
