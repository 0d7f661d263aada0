using OranTestbed.Cli.Tests.Support;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// The orchestrator's NETCONF device driver (<c>driver: netconf</c>) through an execution's lifecycle against the
/// emulated O-RU behind sshd: open, configure from the demo execution's band and profile, start (READY), read counters,
/// stop, close; the session's NETCONF trace stays as evidence; wrong credentials are a device fault naming the step.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
[NonParallelizable]
public sealed class NetconfDeviceDriverSpecs
{
    private EmulatedOruPeer _oru = null!;
    private string _evidence = null!;

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

    [SetUp]
    public void Evidence() => _evidence = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "netconf-driver", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteEvidence() => TempFolders.Delete(_evidence);

    [Test]
    public async Task The_driver_must_take_the_o_ru_through_an_execution_and_keep_the_netconf_trace()
    {
        var (plan, execution) = EmulatedOruDrivers.DemoExecution();
        var driver = Driver(plan, new NetconfCredentials(null, _oru.KeyFile, null));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await driver.OpenAsync(deadline.Token);
        await driver.ConfigureAsync(new DeviceSetup(execution, ConfigureStep.Default, "netconf-bench", _evidence), deadline.Token);
        await driver.StartAsync(deadline.Token);
        var running = await driver.ReadCountersAsync(deadline.Token);
        var health = await driver.CheckHealthAsync(deadline.Token);
        await driver.StopAsync(deadline.Token);
        await driver.CloseAsync(deadline.Token);
        string trace = await File.ReadAllTextAsync(driver.TracePath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(running.Values["ready-notification"], Is.EqualTo(1m));
            Assert.That(running.Values["carrier-ready"], Is.EqualTo(1m));
            Assert.That(running.Values["sync-locked"], Is.EqualTo(1m));
            Assert.That(running.Values["supervision-resets"], Is.GreaterThanOrEqualTo(1m));
            Assert.That(health.Healthy, Is.True, health.Detail);
            Assert.That(trace, Does.Contain("supervision-watchdog-reset").And.Contain("tx-array-carriers-state-change")
                .And.Contain("close-session"));
        }
    }

    [Test]
    public void Wrong_credentials_must_be_a_device_fault_naming_the_step_without_the_secret()
    {
        var (plan, _) = EmulatedOruDrivers.DemoExecution();
        const string variable = "ORAN_TESTBED_SPEC_WRONG_PASSWORD";
        Environment.SetEnvironmentVariable(variable, "not-the-password-x9");
        try
        {
            var driver = Driver(plan, new NetconfCredentials(variable, null, null));

            var fault = Assert.ThrowsAsync<DeviceFaultException>(() => driver.OpenAsync(CancellationToken.None));

            Assert.That(fault!.Message, Does.Contain("open").And.Contain(_oru.User).And.Not.Contain("not-the-password-x9"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private NetconfDeviceDriver Driver(TestPlan plan, NetconfCredentials credentials) =>
        EmulatedOruDrivers.For(_oru, plan, credentials, _evidence);
}
