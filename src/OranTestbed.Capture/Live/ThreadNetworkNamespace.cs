using System.Runtime.InteropServices;

namespace OranTestbed.Capture.Live;

/// <summary>
/// Moves the CURRENT THREAD into a network namespace (setns(2) with CLONE_NEWNET). The rest of the process stays
/// where it is. Sockets keep the namespace they were created in, so a pcap handle opened on such a thread captures
/// or sends in that namespace from any thread afterwards. Call only on a dedicated thread (never a pool thread).
/// </summary>
internal static class ThreadNetworkNamespace
{
    public const string RunDirectory = "/run/netns";

    public static string PathOf(string name) =>
        name.StartsWith('/') ? name : System.IO.Path.Combine(RunDirectory, name);

    /// <summary>Enters <paramref name="name"/>; throws <see cref="LiveCaptureException"/> when it cannot.</summary>
    public static void EnterOnCurrentThread(string name, string interfaceName)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new LiveCaptureException(LiveCaptureErrorKind.NoSuchNamespace, interfaceName, name,
                $"Network namespace '{name}' does not exist ({path} is missing; `ip netns list` shows the namespaces).");
        }

        try
        {
            using var handle = File.OpenHandle(path);
            if (LinuxNative.setns((int)handle.DangerousGetHandle(), LinuxNative.CloneNewNet) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                var kind = errno is 1 or 13 ? LiveCaptureErrorKind.PermissionDenied : LiveCaptureErrorKind.OpenFailed;
                throw new LiveCaptureException(kind, interfaceName, name,
                    $"Cannot enter network namespace '{name}': {Marshal.GetPInvokeErrorMessage(errno)} (needs root or CAP_SYS_ADMIN).");
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LiveCaptureException(LiveCaptureErrorKind.PermissionDenied, interfaceName, name,
                $"Cannot open network namespace '{name}' ({path}): permission denied.", innerException: e);
        }
    }
}
