using System.Collections.Immutable;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Mplane.Tests.Oran;

/// <summary>
/// Our O-DU start-up against our emulated O-RU, in-process over pipes (two independent implementations of the same
/// O-RAN modules meet here): discover, sync check, subscribe, supervision, configure from the demo profile, read back,
/// carriers READY and back to DISABLED; and the emulated defects the start-up must notice.
/// </summary>
public sealed class OruBringUpSpecs
{
    private static readonly Lazy<YangCatalog> Yang = new(() => YangCatalog.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "yang")));

    private static readonly OruBringUpOptions Quick = new()
    {
        SupervisionInterval = TimeSpan.FromSeconds(5),
        SupervisionGuard = TimeSpan.FromSeconds(2),
        CarrierTimeout = TimeSpan.FromSeconds(10),
        CarrierPoll = TimeSpan.FromMilliseconds(100),
    };

    [Test]
    public async Task The_o_du_start_up_must_bring_the_emulated_o_ru_to_ready_and_back()
    {
        await using var oru = await Connect(MplaneDefects.None);

        await using var bringUp = await OruBringUp.StartAsync(oru.Session, Quick, CancellationToken.None);
        await bringUp.ConfigureAsync(Configuration(bringUp.Inventory), CancellationToken.None);
        await bringUp.SetCarriersAsync(active: true, CancellationToken.None);
        string readyTx = bringUp.Events.CarrierState(StartupConfiguration.TxCarrier)!;
        await bringUp.SetCarriersAsync(active: false, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bringUp.Inventory.SyncState, Is.EqualTo("LOCKED"));
            Assert.That(bringUp.Inventory.TxEndpoints, Is.Not.Empty);
            Assert.That(bringUp.Supervision.Resets, Is.GreaterThanOrEqualTo(1));
            Assert.That(bringUp.Supervision.NextUpdateAt, Is.Not.Null);
            Assert.That(readyTx, Is.EqualTo("READY"));
            Assert.That(bringUp.Events.CarrierState(StartupConfiguration.RxCarrier), Is.EqualTo("DISABLED"));
        }
    }

    [Test]
    public async Task What_the_emulated_o_ru_reports_after_the_start_up_must_read_back_as_the_profile_it_was_configured_with()
    {
        await using var oru = await Connect(MplaneDefects.None);
        await using var bringUp = await OruBringUp.StartAsync(oru.Session, Quick, CancellationToken.None);
        var configuration = Configuration(bringUp.Inventory);
        await bringUp.ConfigureAsync(configuration, CancellationToken.None);

        var data = await oru.Session.GetAsync(cancellationToken: CancellationToken.None);
        var configured = configuration.Profile;
        var read = OruProfileReader.Read(data, "from-emulated-oru", configured.TddPattern!.Slots, configured.TddPattern.Special);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Carrier, Is.EqualTo(new Fronthaul.Profiles.Carrier(1, 273, bandwidthMHz: 100)));
            Assert.That(read.EaxcBits, Is.EqualTo(configured.EaxcBits));
            Assert.That(read.DownlinkCompression, Is.EqualTo(configured.DownlinkCompression));
            Assert.That(read.UplinkCompression, Is.EqualTo(configured.UplinkCompression));
            Assert.That(read.Duplex, Is.EqualTo(configured.Duplex));
            Assert.That(read.DelayManagement.Get(Fronthaul.Profiles.DelayParameter.T2aMaxUp), Is.Not.Null,
                "the emulated O-RU reports its delay profile for the configured carrier");
        }
    }

    [Test]
    public async Task An_o_ru_that_is_not_locked_must_not_be_configured()
    {
        await using var oru = await Connect(MplaneDefects.None, server => server.SetSyncState("FREERUN"));

        var error = Assert.ThrowsAsync<OruBringUpException>(() => OruBringUp.StartAsync(oru.Session, Quick, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("sync: the O-RU is FREERUN, not LOCKED: it must not radiate"));
    }

    [Test]
    public async Task Carriers_that_never_become_ready_must_fail_the_activation_with_their_state()
    {
        await using var oru = await Connect(MplaneDefects.None with { LateReady = TimeSpan.FromMinutes(10) });
        await using var bringUp = await OruBringUp.StartAsync(oru.Session, Quick with { CarrierTimeout = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        await bringUp.ConfigureAsync(Configuration(bringUp.Inventory), CancellationToken.None);

        var error = Assert.ThrowsAsync<OruBringUpException>(() => bringUp.SetCarriersAsync(active: true, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("activate: the carriers did not become READY within 1 s (tx BUSY"));
    }

    private static OduConfiguration Configuration(OruInventory inventory) => OduConfiguration.For(
        FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml")),
        641280, 3_619_200_000, inventory);

    private static async Task<EmulatedOru> Connect(MplaneDefects defects, Action<OruMplaneServer>? prepare = null)
    {
        var server = new OruMplaneServer(new MplaneServerOptions
        {
            Personality = new Personality("emulated/o-ru", NodeRole.Ru, ImmutableArray<Defect>.Empty)
            {
                Settings = new ProductSettings(antennaPorts: 4),
                MplaneDefects = defects,
            },
            Yang = Yang.Value,
        });
        prepare?.Invoke(server);
        var (client, serverEnd) = PipeTransport.CreatePair("emulated-oru");
        var serving = server.ServeAsync(serverEnd);
        var session = await NetconfSession.OpenAsync(client, NetconfSessionOptions.Default with { RpcTimeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        return new EmulatedOru(server, serverEnd, serving, session);
    }

    private sealed record EmulatedOru(OruMplaneServer Server, PipeTransport ServerEnd, Task Serving, NetconfSession Session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            await ServerEnd.DisposeAsync();
            await Serving.WaitAsync(TimeSpan.FromSeconds(5));
            Server.Dispose();
        }
    }
}
