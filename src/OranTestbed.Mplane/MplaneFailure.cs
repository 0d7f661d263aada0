using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane;

/// <summary>The failures an M-plane peer can cause (unreachable, refused, broken protocol, an rpc-error, a timeout, a
/// start-up step that failed, the connection lost): what callers turn into their own one-line error, as opposed to bugs.</summary>
public static class MplaneFailure
{
    public static bool Is(Exception exception) => exception is MplaneConnectionException or NetconfProtocolException
        or NetconfSessionClosedException or NetconfTimeoutException or NetconfRpcException or OruBringUpException or IOException;
}
