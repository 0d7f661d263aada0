using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>Products, drivers and benches: impossible capability values and malformed command-line drivers.</summary>
public class LabValueSpecs
{
    private const string A = Root + "/" + Acme + ":";

    private static readonly string[] Xd =
    [
        "name: Xylem",
        "products:",
        "  - id: xd-200",
        "    role: o-du",
        "    model: XD-200",
        "    versions: {hardware: \"1\", software: \"1\", firmware: \"1\"}",
        "    capabilities:",
        "      max-bandwidth: 100MHz",
        "      numerologies: [1]",
        "      categories: [A]",
        "      compression: [{method: bfp, widths: [9]}]",
        "      eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",
        "      section-types: [1, 3]",
        "      mtu: 9000",
        "      link-speeds: [25G]",
        "      sync-topologies: [lls-c3]",
        "      m-plane-profiles: [hierarchical-sudo]",
        "    driver:",                                                                              // 18
        "      command-line:",                                                                      // 19
        "        variables: {host: 10.0.0.1}",                                                      // 20
        "        environment: {XD_LOG: info}",                                                      // 21
        "        open: {command: \"xdctl {host} open\", timeout: 30s}",                             // 22
        "        configure: {command: \"xdctl {host} set --arfcn {arfcn} --prbs {prbs}\", timeout: 2s}", // 23
        "        start: {command: \"xdctl {host} start\", timeout: 60s}",                           // 24
        "        stop: {command: \"xdctl {host} stop\", timeout: 60s, exit-code: 3}",              // 25
        "        close: {command: \"xdctl {host} close\", timeout: 5s}",                            // 26
    ];

    [Test]
    public void A_command_line_driver_must_load_its_steps_and_render_its_templates()
    {
        var plan = Mini().File("lab/vendors/xylem.yaml", Xd).Plus(Operator).Load();
        var driver = (CommandLineDriver)plan.Lab.FindProduct("xylem/xd-200")!.Driver;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(driver.Steps.Keys, Is.EqualTo(new[] { LifecycleStep.Open, LifecycleStep.Configure, LifecycleStep.Start, LifecycleStep.Stop, LifecycleStep.Close }));
            Assert.That(driver.Steps[LifecycleStep.Stop].ExpectedExitCode, Is.EqualTo(3));
            Assert.That(driver.Steps[LifecycleStep.Configure].Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(driver.Environment["XD_LOG"], Is.EqualTo("info"));
            Assert.That(driver.Steps[LifecycleStep.Configure].Render(new Dictionary<string, string>
            {
                ["host"] = driver.Variables["host"], ["arfcn"] = "640000", ["prbs"] = "273",
            }), Is.EqualTo("xdctl 10.0.0.1 set --arfcn 640000 --prbs 273"));
            Assert.That(plan.Lab.FindProduct("acme/du-1")!.Driver, Is.EqualTo(new EmulatedDriver("personalities/acme/du-1.yaml")));
        }
    }

    [Test]
    public void A_command_line_driver_must_report_unknown_variables_missing_steps_and_bad_templates()
    {
        var errors = Mini().File("lab/vendors/xylem.yaml", Xd)
            .With("lab/vendors/xylem.yaml", 22, "        open: {command: \"xdctl {hots} open\", timeout: 30s}")
            .With("lab/vendors/xylem.yaml", 24, "        start: {command: \"xdctl {host start\", timeout: 60s}")
            .With("lab/vendors/xylem.yaml", 26, null)
            .With("lab/vendors/xylem.yaml", 25, "        stop: {command: \"xdctl {host} stop\"}")
            .Errors();
        const string X = Root + "/lab/vendors/xylem.yaml:";
        Assert.That(errors, Is.EqualTo(new[]
        {
            X + "20:9: products[0].driver.command-line.close: required key is missing: {command, timeout, exit-code} (open, configure, start, stop and close are required)",
            X + "22:25: products[0].driver.command-line.open.command: unknown variable {hots}; did you mean {host}?",
            X + "24:26: products[0].driver.command-line.start.command: '{' at character 7 is never closed: write {name} for a variable or {{ for a brace",
            X + "25:15: products[0].driver.command-line.stop.timeout: required key is missing: a duration with a unit, e.g. 60us",
        }));
    }

    [Test]
    public void A_product_must_refuse_impossible_capability_values()
    {
        var errors = Mini()
            .With(Acme, 11, "      compression: [{method: bfq, widths: [9]}, {method: none}]")
            .With(Acme, 12, "      eaxc-id-bits: [{du-port: 4, band-sector: 4, cc: 4, ru-port: 5}]")
            .With(Acme, 13, "      section-types: [1, 2]")
            .With(Acme, 15, "      link-speeds: [30G]")
            .With(Acme, 25, "      bands: [n78, n99]")
            .With(Acme, 28, "      categories: [A, B]")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            A + "11:30: products[0].capabilities.compression[0].method: 'bfq' is not a compression method: use none, bfp, block-scaling, mu-law or modulation",
            A + "12:22: products[0].capabilities.eaxc-id-bits[0]: the widths 4+4+4+5 = 17; they must sum to 16 (the eAxC id is 16 bits, O-RAN.WG4.CUS §5.1.3.1.6)",
            A + "13:26: products[0].capabilities.section-types[1]: section type 2 does not exist: O-RAN.WG4.CUS defines 0, 1, 3, 5, 6 and 7",
            A + "15:21: products[0].capabilities.link-speeds[0]: 30G is not an Ethernet port speed: use 1G, 10G, 25G, 40G, 50G, 100G, 200G, 400G",
            A + "25:20: products[1].capabilities.bands[1]: 'n99' is not an NR band this tool knows; did you mean 'n79'?",
            A + "28:19: products[1].capabilities.categories: an O-RU is either category A or category B: list one",
        }));
    }

    [Test]
    public void A_product_must_have_a_driver_and_an_O_RU_its_bands()
    {
        Assert.That(Mini().With(Acme, 36, "    driver: magic").With(Acme, 25, null).Errors(), Is.EqualTo(new[]
        {
            A + "25:7: products[1].capabilities.bands: required key is missing: an NR band such as n78",
            A + "35:13: products[1].driver: 'magic' is not a driver: write emulated, or command-line: {open: ..., configure: ...}",
        }));
    }

    [Test]
    public void A_bench_must_be_consistent_with_its_kind()
    {
        var errors = Mini()
            .With(Benches, 2, "  - {id: emulated, kind: emulated, products: [acme/du-1]}")
            .Plus(Benches, "  - {id: rack-1, kind: physical, products: [acme/du-1], capture: {tap: ru}}")
            .Plus(Benches, "  - {id: mplane, kind: physical, products: [acme/du-1]}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/" + Benches + ":2:46: benches[0].products: an emulated bench hosts every emulated product: remove products, or make the bench physical",
            Root + "/" + Benches + ":3:66: benches[1].capture.interface: required key is missing: the capture interface, e.g. enp1s0f1",
        }), "a physical bench without capture is an M-plane bench (valid); a capture names its interface");
    }
}
