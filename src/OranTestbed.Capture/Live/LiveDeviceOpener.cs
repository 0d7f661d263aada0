using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Live;

/// <summary>
/// Finds an interface and opens it with libpcap, turning every failure into a <see cref="LiveCaptureException"/>
/// that says what to do. Runs on the thread that will own the handle (inside the namespace, if any).
/// </summary>
internal static class LiveDeviceOpener
{
    // pcap/pcap.h PCAP_IF_* flags reported by pcap_findalldevs (libpcap >= 1.9).
    private const uint PcapIfUp = 0x2;
    private const uint PcapIfRunning = 0x4;

    /// <summary>A configuration setting libpcap refused or downgraded (reported, not fatal).</summary>
    public readonly record struct Rejection(string Property, PcapError Error, string Message);

    public static PcapInterface Find(string name, string? networkNamespace, out bool hasCarrier)
    {
        IReadOnlyList<PcapInterface> all;
        try
        {
            all = PcapInterface.GetAllPcapInterfaces();
        }
        catch (PcapException e)
        {
            throw new LiveCaptureException(Classify(e.Error, e.Message), name, networkNamespace,
                $"Cannot list network interfaces{Where(networkNamespace)}: {e.Message}", libpcapError: e.Message,
                innerException: e);
        }

        foreach (var candidate in all)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                if ((candidate.Flags & PcapIfUp) == 0)
                {
                    throw new LiveCaptureException(LiveCaptureErrorKind.InterfaceDown, name, networkNamespace,
                        $"Interface '{name}'{Where(networkNamespace)} is down; bring it up first (ip link set {name} up).");
                }

                hasCarrier = (candidate.Flags & PcapIfRunning) != 0;
                return candidate;
            }
        }

        var names = new List<string>(all.Count);
        foreach (var candidate in all)
        {
            names.Add(candidate.Name);
        }

        throw new LiveCaptureException(LiveCaptureErrorKind.NoSuchInterface, name, networkNamespace,
            $"No interface '{name}'{Where(networkNamespace)}. Available: {string.Join(", ", names)}.",
            availableInterfaces: names);
    }

    /// <summary>Opens <paramref name="device"/>; configuration settings libpcap refuses go to <paramref name="rejections"/>.</summary>
    public static void Open(LivePcapDevice device, DeviceConfiguration configuration, string? networkNamespace,
        List<Rejection> rejections)
    {
        configuration.ConfigurationFailed += (_, e) => rejections.Add(new Rejection(e.Property, e.Error, e.Message));
        try
        {
            device.Open(configuration);
        }
        catch (PcapException e)
        {
            var libpcap = LastError(device);
            var kind = Classify(e.Error, e.Message + " " + libpcap);
            device.Close();
            var hint = kind switch
            {
                LiveCaptureErrorKind.PermissionDenied =>
                    " Live capture needs root, or CAP_NET_RAW and CAP_NET_ADMIN (setcap cap_net_raw,cap_net_admin+eip on the dotnet host).",
                LiveCaptureErrorKind.InterfaceDown => $" Bring it up first (ip link set {device.Name} up).",
                _ => string.Empty,
            };
            throw new LiveCaptureException(kind, device.Name, networkNamespace,
                $"Cannot open interface '{device.Name}'{Where(networkNamespace)}: {e.Message} {libpcap}".TrimEnd() + hint,
                libpcapError: libpcap, innerException: e);
        }
    }

    public static void SetFilter(LivePcapDevice device, string filter, string? networkNamespace)
    {
        try
        {
            device.Filter = filter;
        }
        catch (PcapException e)
        {
            var libpcap = LastError(device);
            throw new LiveCaptureException(LiveCaptureErrorKind.BadFilter, device.Name, networkNamespace,
                $"BPF filter '{filter}' is not valid on '{device.Name}': {libpcap}", libpcapError: libpcap,
                innerException: e);
        }
    }

    public static string Where(string? networkNamespace) =>
        networkNamespace is null ? string.Empty : $" in network namespace '{networkNamespace}'";

    public static string LastError(PcapDevice device)
    {
        try
        {
            return device.Opened ? device.LastError : string.Empty;
        }
        catch (PcapException)
        {
            return string.Empty;
        }
    }

    private static LiveCaptureErrorKind Classify(PcapError error, string text) => error switch
    {
        PcapError.NoSuchDevice => LiveCaptureErrorKind.NoSuchInterface,
        PcapError.PermissionDenied or PcapError.PromiscuousPermissionDenied => LiveCaptureErrorKind.PermissionDenied,
        PcapError.InterfaceNotUp => LiveCaptureErrorKind.InterfaceDown,
        _ when text.Contains("permission", StringComparison.OrdinalIgnoreCase)
               || text.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase) =>
            LiveCaptureErrorKind.PermissionDenied,
        _ => LiveCaptureErrorKind.OpenFailed,
    };
}
