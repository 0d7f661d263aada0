namespace OranTestbed.Capture.Live;

/// <summary>Why a live capture (or a frame sender) could not open or stopped.</summary>
public enum LiveCaptureErrorKind
{
    /// <summary>No interface of that name (in that namespace); the exception lists the ones there are.</summary>
    NoSuchInterface = 1,

    /// <summary>The network namespace does not exist.</summary>
    NoSuchNamespace,

    /// <summary>Capturing needs root or CAP_NET_RAW + CAP_NET_ADMIN (and CAP_SYS_ADMIN to enter a namespace).</summary>
    PermissionDenied,

    /// <summary>The interface is administratively down (<c>ip link set IF up</c>), or went down while capturing.</summary>
    InterfaceDown,

    /// <summary>The BPF filter expression does not compile.</summary>
    BadFilter,

    /// <summary>The interface's link type is not Ethernet.</summary>
    UnsupportedLinkType,

    /// <summary>libpcap refused to open the interface for another reason.</summary>
    OpenFailed,

    /// <summary>Reading failed while capturing (the interface disappeared, a socket error).</summary>
    ReadFailed,

    /// <summary>A frame could not be sent.</summary>
    SendFailed,
}
