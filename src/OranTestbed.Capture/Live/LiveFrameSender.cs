using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SharpPcap;

namespace OranTestbed.Capture.Live;

/// <summary>
/// Injects whole Ethernet frames into an interface (pcap_sendpacket), optionally one inside a network namespace: the
/// handle is opened on a short-lived thread that enters the namespace, and its socket stays there, so
/// <see cref="Send"/> works from any thread. The frames leave as they are (no checksum or padding added; the kernel
/// pads nothing on veth). Per frame: one send(2), no allocation. One sender per thread at a time.
/// </summary>
public sealed class LiveFrameSender : IDisposable
{
    private readonly LivePcapDevice _device;
    private readonly ILogger _logger;
    private long _framesSent;
    private long _bytesSent;
    private bool _disposed;

    private LiveFrameSender(LivePcapDevice device, string? networkNamespace, ILogger logger)
    {
        _device = device;
        NetworkNamespace = networkNamespace;
        _logger = logger;
    }

    public string Interface => _device.Name;

    public string? NetworkNamespace { get; }

    public long FramesSent => _framesSent;

    public long BytesSent => _bytesSent;

    /// <summary>Opens <paramref name="interfaceName"/> for sending; throws <see cref="LiveCaptureException"/>
    /// (missing interface or namespace, permission denied, interface down) like <see cref="LiveCaptureSource"/>.</summary>
    public static LiveFrameSender Open(string interfaceName, string? networkNamespace = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interfaceName);
        logger ??= NullLogger.Instance;
        LivePcapDevice? device = null;
        LiveCaptureException? error = null;
        var opener = new Thread(() =>
        {
            try
            {
                if (networkNamespace is not null)
                {
                    ThreadNetworkNamespace.EnterOnCurrentThread(networkNamespace, interfaceName);
                }

                var candidate = new LivePcapDevice(LiveDeviceOpener.Find(interfaceName, networkNamespace, out _));
                LiveDeviceOpener.Open(candidate, new DeviceConfiguration
                {
                    Snaplen = 64,
                    BufferSize = 1 << 20,
                    ReadTimeout = 100,
                }, networkNamespace, []);

                // A sending socket would also receive every frame on the link: a filter that matches nothing keeps
                // the kernel from queueing them.
                LiveDeviceOpener.SetFilter(candidate, "less 1", networkNamespace);
                device = candidate;
            }
            catch (LiveCaptureException e)
            {
                error = e;
            }
        })
        {
            IsBackground = true,
            Name = "live-sender-open-" + interfaceName,
        };
        opener.Start();
        opener.Join();
        if (error is not null)
        {
            CaptureLog.LiveCaptureOpenFailed(logger, interfaceName, networkNamespace ?? string.Empty, error.Kind, error);
            throw error;
        }

        CaptureLog.LiveFrameSenderOpened(logger, interfaceName, networkNamespace ?? string.Empty);
        return new LiveFrameSender(device!, networkNamespace, logger);
    }

    /// <summary>Sends one frame (destination MAC first); throws <see cref="LiveCaptureException"/> if the kernel refuses it.</summary>
    public void Send(ReadOnlySpan<byte> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _device.SendPacket(frame);
        }
        catch (PcapException e)
        {
            throw new LiveCaptureException(LiveCaptureErrorKind.SendFailed, Interface, NetworkNamespace,
                $"Cannot send a {frame.Length}-byte frame on '{Interface}': {e.Message}", innerException: e);
        }

        _framesSent++;
        _bytesSent += frame.Length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _device.Close();
        CaptureLog.LiveFrameSenderClosed(_logger, Interface, _framesSent, _bytesSent);
    }
}
