using System.Runtime.InteropServices;

namespace OranTestbed.Capture.Live;

/// <summary>The two libc calls live capture needs that .NET does not wrap: setns(2) and poll(2).</summary>
internal static partial class LinuxNative
{
    public const int CloneNewNet = 0x40000000;
    public const short PollIn = 0x001;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const int Eintr = 4;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(ref PollFd fds, nuint nfds, int timeout);

    /// <summary><c>struct pollfd</c> (poll.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
