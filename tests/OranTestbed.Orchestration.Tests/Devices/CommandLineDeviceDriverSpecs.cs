using System.Collections.Immutable;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;

namespace OranTestbed.Orchestration.Tests.Devices;

/// <summary>The command-line driver against real processes (/bin/sh).</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CommandLineDeviceDriverSpecs
{
    private readonly string _evidence =
        Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "cli-driver", Guid.NewGuid().ToString("N"));

    [Test]
    public async Task CommandLineDriver_must_render_the_execution_variables_and_keep_the_output_as_evidence()
    {
        var driver = Driver((LifecycleStep.Configure,
            "echo configure {execution-id} {arfcn} {bandwidth-mhz} {eaxc-id-bits} {host}", 5));
        var setup = Setup();

        await driver.ConfigureAsync(setup, CancellationToken.None);

        var log = await File.ReadAllTextAsync(Path.Combine(_evidence, $"{driver.Product.LocalId}-configure.log"));
        var band = setup.Execution.Setup.Band;
        Assert.That(log, Does.Contain($"configure {setup.Execution.Id} {band.Arfcn} {band.BandwidthMHz} ")
            .And.Contain(" 10.0.0.1\n").And.Contain("exit: 0"));
    }

    [Test]
    public void CommandLineDriver_must_kill_a_step_that_outlives_its_timeout()
    {
        var driver = Driver((LifecycleStep.Configure, "true", 5), (LifecycleStep.Start, "sleep 30", 1));
        driver.ConfigureAsync(Setup(), CancellationToken.None).GetAwaiter().GetResult();

        var started = DateTime.UtcNow;
        var fault = Assert.ThrowsAsync<DeviceFaultException>(() => driver.StartAsync(CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.Step, Is.EqualTo("start"));
            Assert.That(fault.Message, Does.Contain("did not finish within 1 s and was killed"));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public void CommandLineDriver_must_fail_a_step_with_the_wrong_exit_code_quoting_its_error_output()
    {
        var driver = Driver((LifecycleStep.Configure, "true", 5), (LifecycleStep.Start, "echo 'radio not ready' >&2; exit 3", 5));
        driver.ConfigureAsync(Setup(), CancellationToken.None).GetAwaiter().GetResult();

        var fault = Assert.ThrowsAsync<DeviceFaultException>(() => driver.StartAsync(CancellationToken.None))!;

        Assert.That(fault.Message, Does.Contain("exited with 3 (expected 0): radio not ready"));
    }

    [Test]
    public void CommandLineDriver_must_mark_exit_code_75_a_transient_fault()
    {
        var driver = Driver((LifecycleStep.Configure, "true", 5), (LifecycleStep.Start, "echo 'PLL not locked yet' >&2; exit 75", 5),
            (LifecycleStep.Stop, "exit 3", 5));
        driver.ConfigureAsync(Setup(), CancellationToken.None).GetAwaiter().GetResult();

        var temporary = Assert.ThrowsAsync<DeviceFaultException>(() => driver.StartAsync(CancellationToken.None))!;
        var permanent = Assert.ThrowsAsync<DeviceFaultException>(() => driver.StopAsync(CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(temporary.Transient, Is.True);
            Assert.That(temporary.Message, Does.Contain("exited with 75 (temporary failure) (expected 0): PLL not locked yet"));
            Assert.That(permanent.Transient, Is.False);
        });
    }

    [Test]
    public async Task CommandLineDriver_must_read_counters_printed_as_json()
    {
        var driver = Driver((LifecycleStep.Configure, "true", 5),
            (LifecycleStep.ReadCounters, """echo '{{"rx-late": 4, "rx-early": 0, "locked": true}}'""", 5)); // {{ }}: literal braces
        await driver.ConfigureAsync(Setup(), CancellationToken.None);

        var counters = await driver.ReadCountersAsync(CancellationToken.None);

        Assert.That(counters.Values, Is.EqualTo(new Dictionary<string, decimal>
        {
            ["locked"] = 1, ["rx-early"] = 0, ["rx-late"] = 4,
        }));
    }

    [TestCase("rx-late=4")]
    [TestCase("""{"rx-late": "four"}""")]
    [TestCase("[1, 2]")]
    public void CommandLineDriver_must_refuse_garbage_counters(string output)
    {
        var driver = Driver((LifecycleStep.Configure, "true", 5),
            (LifecycleStep.ReadCounters, $"printf '%s' '{Escape(output)}'", 5));
        driver.ConfigureAsync(Setup(), CancellationToken.None).GetAwaiter().GetResult();

        var fault = Assert.ThrowsAsync<DeviceFaultException>(() => driver.ReadCountersAsync(CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.Step, Is.EqualTo("read-counters"));
            Assert.That(fault.Message, Does.Contain("JSON").Or.Contain("not a number"));
        });
    }

    /// <summary>Literal braces of a command template, and a single-quoted shell word.</summary>
    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal)
        .Replace("}", "}}", StringComparison.Ordinal).Replace("'", "'\\''", StringComparison.Ordinal);

    private static CommandLineDeviceDriver Driver(params (LifecycleStep Step, string Command, int TimeoutSeconds)[] steps)
    {
        var table = steps.ToImmutableSortedDictionary(s => s.Step,
            s => new CommandStep(s.Command, TimeSpan.FromSeconds(s.TimeoutSeconds), 0));
        var config = new CommandLineDriver(table,
            ImmutableSortedDictionary<string, string>.Empty.Add("host", "10.0.0.1"), null,
            ImmutableSortedDictionary<string, string>.Empty);
        return new CommandLineDeviceDriver(DemoPlan.Executions[0].Products.ODu, config, "eth9",
            Path.Combine(TestPaths.RepositoryRoot, "testplans"));
    }

    private DeviceSetup Setup() => new(DemoPlan.Executions[0], ConfigureStep.Default, "rack-1", _evidence);
}
