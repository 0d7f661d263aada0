using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Capture;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Iot;
using OranTestbed.Emulation.Mplane;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// The equipment of the plan's lab: an emulated product gets an <see cref="EmulatedDeviceDriver"/> with its personality
/// (<c>testplans/personalities/VENDOR/PRODUCT.yaml</c>), a real one a <see cref="CommandLineDeviceDriver"/> or, on the
/// M-plane, a <see cref="NetconfDeviceDriver"/>. An
/// emulated bench captures with the <see cref="EmulatedTap"/> (both products emulated, seeded by the execution id so a
/// rerun is identical) and runs on the link's emulated time (<see cref="EmulatedBenchClock"/>: a wait costs no wall
/// time); a physical bench captures on its interface and runs on real time; one without a capture interface (an
/// M-plane bench) captures nothing and the testbed stands in for its emulated products (<see cref="StandInDriver"/>).
/// </summary>
public sealed class LabEquipment(TestPlan plan, ILoggerFactory? loggerFactory = null) : IBenchEquipment
{
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;

    /// <summary>The O-RAN modules emulated O-RUs serve: the plan's <c>yang/</c> folder.</summary>
    private readonly Lazy<YangCatalog> _yang = new(() => YangCatalog.Load(Path.Combine(plan.Root, "yang")));

    public BenchSession Prepare(Bench bench, Execution execution, string evidenceDirectory)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(execution);
        var products = execution.Products;
        var personalities = Path.Combine(plan.Root, "personalities");
        if (bench.Kind == BenchKind.Emulated)
        {
            var link = new EmulatedLink(PersonalityLoader.LoadById(personalities, products.ODu.Id),
                PersonalityLoader.LoadById(personalities, products.ORu.Id), SeedOf(execution.Id));
            IDeviceDriver? cu = products.OCu is { } oCu ? new EmulatedDeviceDriver(oCu, link) : null;
            var ru = new EmulatedDeviceDriver(products.ORu, link);
            // Cases that judge the M-plane bring the emulated O-RU up over its own NETCONF server, as a real one.
            IDeviceDriver oru = execution.Case.Case.Group == TestCaseGroup.MPlane
                ? new EmulatedMplaneOru(ru, _yang.Value, evidenceDirectory, _loggers)
                : ru;
            return new BenchSession(new EmulatedDeviceDriver(products.ODu, link), oru, cu, new EmulatedTap(link)) { Clock = link.Clock };
        }

        return new BenchSession(Driver(products.ODu, bench, evidenceDirectory), Driver(products.ORu, bench, evidenceDirectory),
            products.OCu is { } c ? Driver(c, bench, evidenceDirectory) : null,
            bench.CaptureInterface is { } capture ? new LiveTap(capture) : new NoTap(bench.Id));
    }

    private IDeviceDriver Driver(Product product, Bench bench, string evidenceDirectory) => product.Driver switch
    {
        CommandLineDriver commands => new CommandLineDeviceDriver(product, commands, bench.CaptureInterface, plan.Root),
        NetconfDriver netconf => new NetconfDeviceDriver(product, netconf, plan.Root, evidenceDirectory, _loggers),
        _ when !bench.Captures => new StandInDriver(product),
        _ => throw new InvalidOperationException(
            $"{product.Id} is emulated; on physical bench {bench.Id} only real equipment can run"),
    };

    /// <summary>Execution ids are hex content hashes: their first 16 digits seed the emulation.</summary>
    private static ulong SeedOf(string executionId) =>
        ulong.TryParse(executionId.AsSpan(0, Math.Min(16, executionId.Length)), NumberStyles.HexNumber,
            CultureInfo.InvariantCulture, out var seed) ? seed : (ulong)executionId.GetHashCode(StringComparison.Ordinal);
}
