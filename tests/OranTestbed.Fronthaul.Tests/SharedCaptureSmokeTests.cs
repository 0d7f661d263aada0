using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests;

[Category(PeerCategories.Tshark)]
public class TsharkOracleSpecs
{
    [Test]
    public void Tshark_must_decode_the_shared_sample_capture()
    {
        var frames = Tshark.Fields(TestPaths.SharedCapture, ["frame.number", "ecpri.type"],
            Tshark.OranPreferences(4, 4, 4, 4, compHdrDown: true, dlWidth: 9));
        Assert.That(frames, Has.Count.EqualTo(7));
        Assert.That(frames[6].Number("ecpri.type"), Is.Zero);
    }
}
