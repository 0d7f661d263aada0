using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests;

/// <summary>A fixture whose specs share one netconfd behind a private sshd (<see cref="NetconfdPeer"/>), started once
/// for the fixture and stopped after it.</summary>
public abstract class NetconfdFixture
{
    protected NetconfdPeer Peer { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartPeer() => Peer = await NetconfdPeer.StartAsync();

    [OneTimeTearDown]
    public async Task StopPeer()
    {
        if (Peer is not null)
        {
            await Peer.DisposeAsync();
        }
    }
}
