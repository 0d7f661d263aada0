using System.Collections.Immutable;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Mplane.Conformance;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// The CONF.0 §3.1 checks of <c>m-plane</c> steps, run by the NETCONF driver (<c>driver: netconf</c>) over real SSH
/// against the emulated O-RU behind sshd with NACM on (the driver's user sudo, a second account fm-pm): what each check
/// measures on a clean O-RU, the wrong password refused by sshd, the fm-pm account refused and the sudo account's probe
/// taken back, supervision at 1 s, and a supervision failure after which stop and close have nothing left to do.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
[NonParallelizable]
public sealed class MplaneConformanceOverSshSpecs
{
    private EmulatedOruPeer _oru = null!;
    private string _evidence = null!;

    [OneTimeSetUp]
    public async Task StartPeer() => _oru = await EmulatedOruPeer.StartAsync(CliProcess.Program, operatorGroup: "fm-pm");

    [OneTimeTearDown]
    public async Task StopPeer()
    {
        if (_oru is not null)
        {
            await _oru.DisposeAsync();
        }
    }

    [SetUp]
    public void Evidence() => _evidence = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "mplane-conformance-ssh", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteEvidence() => TempFolders.Delete(_evidence);

    [Test]
    public async Task Every_check_must_measure_a_clean_o_ru_over_ssh_and_leave_it_as_it_was()
    {
        var (plan, execution) = EmulatedOruDrivers.DemoExecution();
        var driver = Driver(plan);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = deadline.Token;
        await driver.OpenAsync(ct);
        await driver.ConfigureAsync(new DeviceSetup(execution, ConfigureStep.Default, "mplane-bench", _evidence), ct);

        var handshake = await driver.CheckAsync(new MplaneStep(MplaneCheck.Handshake), ct);
        var wrong = await driver.CheckAsync(new MplaneStep(MplaneCheck.Handshake) { WrongCredentials = true }, ct);
        var subscription = await driver.CheckAsync(new MplaneStep(MplaneCheck.Subscription), ct);
        var everything = await driver.CheckAsync(new MplaneStep(MplaneCheck.Retrieval), ct);
        var filtered = await driver.CheckAsync(new MplaneStep(MplaneCheck.Retrieval) { Filter = "user-plane-configuration/low-level-rx-endpoints" }, ct);
        var unique = await driver.CheckAsync(new MplaneStep(MplaneCheck.Configurability), ct);
        var duplicate = await driver.CheckAsync(new MplaneStep(MplaneCheck.Configurability) { DuplicateEaxc = true }, ct);
        var fmPm = await driver.CheckAsync(new MplaneStep(MplaneCheck.AccessControl) { Account = "fm-pm" }, ct);
        var sudo = await driver.CheckAsync(new MplaneStep(MplaneCheck.AccessControl) { Account = "admin" }, ct);
        var unknown = await driver.CheckAsync(new MplaneStep(MplaneCheck.AccessControl) { Account = "swm" }, ct);
        var supervision = await driver.CheckAsync(new MplaneStep(MplaneCheck.Supervision) { Rounds = 3, Interval = TimeSpan.FromSeconds(1) }, ct);
        var afterProbes = await driver.CheckAsync(new MplaneStep(MplaneCheck.Retrieval) { Filter = "processing-elements/ru-elements" }, ct);
        await driver.StartAsync(ct);
        var failure = await driver.CheckAsync(new MplaneStep(MplaneCheck.SupervisionFailure) { Interval = TimeSpan.FromSeconds(1) }, ct);
        await driver.StopAsync(ct);
        await driver.CloseAsync(ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handshake.Values["o-ran-modules"], Is.GreaterThanOrEqualTo(10m));
            Assert.That(Of(handshake, "hello-exchanged", "base-1-1", "called-home"), Is.EqualTo("1 1 0"));
            Assert.That(Of(wrong, "auth-rejected"), Is.EqualTo("1"), "sshd refuses the wrong password");
            Assert.That(Of(subscription, "subscription-accepted"), Is.EqualTo("1"));
            Assert.That(subscription.Values["notifications-received"], Is.GreaterThanOrEqualTo(1m), "at least the configure's config change");
            Assert.That(everything.Values["retrieved-nodes"], Is.GreaterThanOrEqualTo(5m));
            Assert.That(everything.Values["retrieved-o-ran-modules"], Is.GreaterThanOrEqualTo(3m));
            Assert.That(Of(filtered, "filter-respected", "filtered-nodes"), Is.EqualTo("1 1"), "the start-up configured one rx endpoint");
            Assert.That(Of(unique, "edit-accepted", "edit-rejected", "in-running", "config-change-notified"), Is.EqualTo("1 0 1 1"));
            Assert.That(Of(duplicate, "edit-accepted", "edit-rejected", "in-running"), Is.EqualTo("0 1 0"));
            Assert.That(duplicate.Notes, Has.Some.Contains("eaxc-id"));
            Assert.That(Of(fmPm, "read-allowed", "write-accepted", "write-denied"), Is.EqualTo("1 0 1"));
            Assert.That(Of(sudo, "read-allowed", "write-accepted", "write-denied"), Is.EqualTo("1 1 0"));
            Assert.That(unknown.Values, Is.Empty);
            Assert.That(unknown.Notes.Single(), Is.EqualTo("the O-RU's netconf driver has no account 'swm' (accounts:)"));
            Assert.That(Of(supervision, "supervision-rounds", "supervision-failed"), Is.EqualTo("3 0"));
            Assert.That(supervision.Values["supervision-period"], Is.InRange(1_000_000_000m, 1_200_000_000m), "about the 1 s interval");
            Assert.That(Of(afterProbes, "filtered-nodes"), Is.EqualTo("1"), "the sudo account's probe element was deleted again");
            Assert.That(Of(failure, "carrier-deactivated", "session-released"), Is.EqualTo("1 1"));
            Assert.That(failure.Values["deactivated-after"], Is.InRange(1_000_000_000m, 3_500_000_000m), "interval + guard (1 s + 1 s)");
            Assert.That(File.Exists(Path.Combine(_evidence, "ymir-yr-400-netconf-fm-pm.trace")), Is.True);
            Assert.That(await File.ReadAllTextAsync(Path.Combine(_evidence, "ymir-yr-400-netconf-fm-pm.trace")), Does.Contain("access-denied"));
        }
    }

    [Test]
    public async Task A_driver_waiting_for_call_home_must_take_the_o_rus_call_and_the_handshake_must_say_so()
    {
        var (plan, _) = EmulatedOruDrivers.DemoExecution();
        int port = CliProcess.FreePort();
        var driver = new NetconfDeviceDriver(plan.Lab.FindProduct("ymir/yr-400")!,
            new NetconfDriver(null, port, _oru.User, new NetconfCredentials(null, _oru.KeyFile, null),
                new NetconfHostKey(null, _oru.HostKeyFingerprint, false)) { CallHome = true, RpcTimeout = TimeSpan.FromSeconds(20) },
            plan.Root, _evidence, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var open = driver.OpenAsync(deadline.Token);
        using var oru = await CallHomeAsync(port, deadline.Token); // the O-RU dials 4334 (here: port) and splices the call to its sshd
        await open;
        var handshake = await driver.CheckAsync(new MplaneStep(MplaneCheck.Handshake), deadline.Token);
        await driver.CloseAsync(deadline.Token);

        Assert.That(Of(handshake, "hello-exchanged", "called-home"), Is.EqualTo("1 1"));
    }

    /// <summary>socat as the O-RU's call home: dials the controller (again while the listener is not up yet) and splices
    /// the connection to the O-RU's sshd (RFC 8071: the O-RU stays the SSH server).</summary>
    private async Task<System.Diagnostics.Process> CallHomeAsync(int port, CancellationToken cancellationToken)
    {
        if (!MissingPeer.OnPath("socat"))
        {
            MissingPeer.Report("socat is not installed (it plays the O-RU that calls home)", NetconfdPeer.Setup);
        }

        while (true)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("socat") { RedirectStandardError = true };
            psi.ArgumentList.Add($"TCP:127.0.0.1:{port}");
            psi.ArgumentList.Add($"TCP:127.0.0.1:{_oru.Port}");
            var socat = System.Diagnostics.Process.Start(psi)!;
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            if (!socat.HasExited)
            {
                return socat;
            }

            socat.Dispose(); // nobody listened yet: call again, as an O-RU does
        }
    }

    private static string Of(CheckResult result, params string[] names) =>
        string.Join(' ', names.Select(n => result.Values.TryGetValue(n, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));

    private NetconfDeviceDriver Driver(TestPlan plan) => EmulatedOruDrivers.For(_oru, plan, new NetconfCredentials(null, _oru.KeyFile, null),
        _evidence, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, NetconfAccount>
        {
            ["fm-pm"] = new(_oru.OperatorUser, new NetconfCredentials(_oru.PasswordVariable, null, null)),
            ["admin"] = new(_oru.User, new NetconfCredentials(null, _oru.KeyFile, null)),
        }));
}
