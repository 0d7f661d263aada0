using OranTestbed.Fronthaul.Tests.Support;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Fronthaul.Tests.Transport;

public class SharedCaptureFramesMatchFileSpecs
{
    [Test]
    public void SharedCaptureFrames_must_equal_frames_1_to_5_of_the_shared_capture()
    {
        var frames = new List<byte[]>();
        using (var device = new CaptureFileReaderDevice(TestPaths.SharedCapture))
        {
            device.Open();
            while (frames.Count < 5 && device.GetNextPacket(out var packet) == GetPacketStatus.PacketRead)
            {
                frames.Add(packet.Data.ToArray());
            }
        }

        Assert.That(frames[0], Is.EqualTo(SharedCaptureFrames.Announce));
        Assert.That(frames[1], Is.EqualTo(SharedCaptureFrames.Sync));
        Assert.That(frames[2], Is.EqualTo(SharedCaptureFrames.FollowUp));
        Assert.That(frames[3], Is.EqualTo(SharedCaptureFrames.OneWayDelay));
        Assert.That(frames[4], Is.EqualTo(SharedCaptureFrames.CPlaneSt3));
    }
}
