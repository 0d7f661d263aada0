using OranTestbed.TestSupport;

namespace OranTestbed.Fronthaul.Tests.Transport;

public class SharedCaptureFramesMatchFileSpecs
{
    [Test]
    public void SharedCaptureFrames_must_equal_frames_1_to_5_of_the_shared_capture()
    {
        var frames = PcapFile.ReadAll(TestPaths.SharedCapture);

        Assert.That(frames[0], Is.EqualTo(SharedCaptureFrames.Announce));
        Assert.That(frames[1], Is.EqualTo(SharedCaptureFrames.Sync));
        Assert.That(frames[2], Is.EqualTo(SharedCaptureFrames.FollowUp));
        Assert.That(frames[3], Is.EqualTo(SharedCaptureFrames.OneWayDelay));
        Assert.That(frames[4], Is.EqualTo(SharedCaptureFrames.CPlaneSt3));
    }
}
