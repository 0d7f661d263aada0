using System.Diagnostics;
using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// Our emulated O-RU served by OpenSSH's sshd (<c>Subsystem netconf oran-testbed mplane serve --stdio</c>), reached over
/// real SSH: by our own O-DU stack (the start-up the NETCONF driver runs, to READY and back), by an independent client
/// (Debian's python3-ncclient), and by <c>mplane profile</c>.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
[NonParallelizable]
public sealed class MplaneOverSshSpecs
{
    private static readonly string[] OnlyStaticRxEndpoints = ["static-low-level-rx-endpoints"];

    private EmulatedOruPeer _oru = null!;

    [OneTimeSetUp]
    public async Task StartPeer() => _oru = await EmulatedOruPeer.StartAsync(CliProcess.Program);

    [OneTimeTearDown]
    public async Task StopPeer()
    {
        if (_oru is not null)
        {
            await _oru.DisposeAsync();
        }
    }

    [Test]
    public async Task Our_o_du_start_up_must_bring_the_emulated_o_ru_to_ready_over_ssh()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var transport = await Target().ConnectAsync(null, deadline.Token);
        await using var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default, deadline.Token);
        await using var oru = await OruBringUp.StartAsync(session, new OruBringUpOptions { CarrierPoll = TimeSpan.FromMilliseconds(100) }, deadline.Token);
        var inventory = oru.Inventory;

        await oru.ConfigureAsync(Demo(inventory), deadline.Token);
        await oru.SetCarriersAsync(active: true, deadline.Token);
        string ready = oru.Events.CarrierState(StartupConfiguration.TxCarrier)!;
        await oru.SetCarriersAsync(active: false, deadline.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(transport.Peer, Is.EqualTo($"{_oru.User}@127.0.0.1:{_oru.Port}"));
            Assert.That(session.ServerCapabilities.FindModule("o-ran-uplane-conf")?.Revision, Is.EqualTo("2024-12-23"));
            Assert.That(inventory.Manufacturer, Is.EqualTo("ymir"));
            Assert.That(ready, Is.EqualTo("READY"));
            Assert.That(oru.Events.CarrierState(StartupConfiguration.RxCarrier), Is.EqualTo("DISABLED"));
        }
    }

    [Test]
    public async Task Supervision_must_hold_for_30_rounds_of_1_s_over_ssh()
    {
        // CONF.0 §3.1.3.1 with the interval shortened to 1 s (guard 1 s): the O-RU must never give up on us.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var transport = await Target().ConnectAsync(null, deadline.Token);
        await using var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default, deadline.Token);
        var clock = Stopwatch.StartNew();
        await using var supervision = await OruSupervision.StartAsync(session, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1),
            cancellationToken: deadline.Token);
        while (supervision.Resets < 30 && supervision.Failure is null && session.IsOpen)
        {
            await Task.Delay(100, deadline.Token);
        }

        TestContext.Out.WriteLine($"30 supervision rounds of 1 s over SSH took {clock.Elapsed.TotalSeconds:0.0} s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(supervision.Failure, Is.Null);
            Assert.That(session.IsOpen, Is.True, "the O-RU kept the session");
            Assert.That(supervision.Resets, Is.GreaterThanOrEqualTo(30));
        }
    }

    [Test]
    public async Task An_o_ru_whose_watchdog_is_not_reset_must_stop_its_carriers_and_end_the_session()
    {
        // CONF.0 §3.1.3.2: the O-DU stops resetting; after interval + guard the O-RU deactivates and closes.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var transport = await Target().ConnectAsync(null, deadline.Token);
        await using var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default, deadline.Token);
        await using var oru = await OruBringUp.StartAsync(session, new OruBringUpOptions
        {
            SupervisionInterval = TimeSpan.FromSeconds(1),
            SupervisionGuard = TimeSpan.FromSeconds(1),
            CarrierPoll = TimeSpan.FromMilliseconds(100),
        }, deadline.Token);
        await oru.ConfigureAsync(Demo(oru.Inventory), deadline.Token);
        await oru.SetCarriersAsync(active: true, deadline.Token);

        await oru.Supervision.DisposeAsync();
        while (session.IsOpen)
        {
            await Task.Delay(100, deadline.Token);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(oru.Events.Notified(StartupConfiguration.TxCarrier, "DISABLED"), Is.True, "carriers deactivated, said before closing");
            Assert.That(oru.Events.Notified(StartupConfiguration.RxCarrier, "DISABLED"), Is.True);
        }
    }

    [Test]
    public void An_independent_client_must_find_the_o_ran_behaviour_of_the_emulated_o_ru()
    {
        var seen = Ncclient();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen.GetProperty("uplane_capabilities")[0].GetString(), Does.Contain("revision=2024-12-23"), seen.ToString());
            Assert.That(seen.GetProperty("filtered_children").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(OnlyStaticRxEndpoints), "the subtree filter selects only what was asked");
            Assert.That(seen.GetProperty("next_update_at").GetArrayLength(), Is.EqualTo(1));
            Assert.That(seen.GetProperty("duplicate_error").GetProperty("message").GetString(), Does.Contain("eAxC").IgnoreCase,
                "CONF 3.1.10.2: a duplicate eAxC id is refused");
        }
    }

    [Test]
    public void Mplane_profile_must_say_what_an_unconfigured_o_ru_lacks_and_refuse_a_wrong_host_key()
    {
        string output = Path.Combine(Path.GetTempPath(), $"oran-testbed-mplane-profile-{Guid.NewGuid():N}.yaml");
        var unconfigured = CliProcess.Run(TimeSpan.FromMinutes(1), "mplane", "profile", "--host", EmulatedOruPeer.Host,
            "--port", _oru.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--user", _oru.User,
            "--key", _oru.KeyFile, "--known-hosts", _oru.KnownHostsFile, "--out", output);
        var impostor = CliProcess.Run(TimeSpan.FromMinutes(1), "mplane", "profile", "--host", EmulatedOruPeer.Host,
            "--port", _oru.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--user", _oru.User,
            "--key", _oru.KeyFile, "--host-key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unconfigured.ExitCode, Is.EqualTo(ExitCodes.DataError), unconfigured.ToString());
            Assert.That(unconfigured.Stderr, Does.Contain("low-level-tx-endpoints: no configured endpoint"));
            Assert.That(impostor.ExitCode, Is.EqualTo(ExitCodes.Unavailable), impostor.ToString());
            Assert.That(impostor.Stderr, Does.Contain("refused").And.Contain(_oru.HostKeyFingerprint));
            Assert.That(File.Exists(output), Is.False, "nothing written from an O-RU that gave no profile");
        }
    }

    private MplaneTarget Target() =>
        new(EmulatedOruPeer.Host, _oru.Port, _oru.User) { KeyFile = _oru.KeyFile, KnownHostsFile = _oru.KnownHostsFile };

    private static OduConfiguration Demo(OruInventory inventory) => OduConfiguration.For(
        FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml")),
        641280, 3_619_200_000, inventory);

    private JsonElement Ncclient()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[Path.Combine(TestPaths.RepositoryRoot, "tests", "OranTestbed.Cli.Tests", "Mplane", "ncclient_oru.py"),
                     EmulatedOruPeer.Host, _oru.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _oru.User, _oru.KeyFile])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "ncclient finished");
        Assert.That(process.ExitCode, Is.Zero, () => stderr + stdout.Result);
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
