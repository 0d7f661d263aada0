using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Live;

/// <summary>A <see cref="LibPcapLiveDevice"/> that exposes the selectable file descriptor SharpPcap keeps
/// <c>protected internal</c>, so the capture thread can poll(2) it with its own timeout.</summary>
internal sealed class LivePcapDevice : LibPcapLiveDevice
{
    public LivePcapDevice(PcapInterface pcapInterface)
        : base(pcapInterface)
    {
    }

    public int SelectableFileDescriptor => FileDescriptor;
}
