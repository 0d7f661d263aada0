using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// An O-RU on the M-plane that cannot be reached or never answers breaks its own execution only: the demo campaign
/// with the YR-410 of the M-plane bench pointed at a closed port, or at a server that accepts and stays silent, ends
/// with that execution ERROR naming the product, the step and the address (no secret), and every other execution
/// judged as usual.
/// </summary>
[TestFixture]
public sealed class MplaneBenchFaultSpecs
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "mplane-fault", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [TestCase("closed port")]
    [TestCase("silent server")]
    public void An_unreachable_or_silent_o_ru_must_be_an_error_of_its_execution_and_the_campaign_must_go_on(string fault)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts (the kernel completes the handshake) and never says a word
        int port = fault == "silent server" ? ((IPEndPoint)silent.LocalEndpoint).Port : CliProcess.FreePort();
        string plans = PlansWithYr410At(port);

        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", Path.Combine(plans, "campaigns", "demo.yaml"), "--plans", plans,
            "--results", Path.Combine(_folder, "results"));

        var executions = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(_folder, "results", "runs"), "summary.json",
            SearchOption.AllDirectories).Single())).RootElement.GetProperty("executions").EnumerateArray().ToList();
        var broken = executions.Single(e => e.GetProperty("oRu").GetString() == "ymir/yr-410");
        string reasons = string.Join("; ", broken.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
            Assert.That(broken.GetProperty("verdict").GetString(), Is.EqualTo("ERROR"));
            Assert.That(reasons, Does.StartWith("ymir/yr-410: open failed: ").And.Contain($"127.0.0.1:{port}"));
            Assert.That(executions.Where(e => e.GetProperty("oRu").GetString() != "ymir/yr-410").Select(e => e.GetProperty("verdict").GetString()),
                Has.All.EqualTo("PASS").Or.EqualTo("FAIL"), "the other executions run and are judged");
            Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
        }
    }

    /// <summary>The shipped plan with the YR-410's M-plane at 127.0.0.1:<paramref name="port"/> (a throw-away key, any host key).</summary>
    private string PlansWithYr410At(int port)
    {
        string plans = ShippedPlans.CopyTo(_folder);
        string key = Path.Combine(plans, "lab", "fault_key");
        var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])!;
        keygen.WaitForExit();
        string vendor = Path.Combine("lab", "vendors", "ymir.yaml");
        ShippedPlans.Edit(plans, vendor, "        port: 8830\n", $"        port: {port}\n");
        ShippedPlans.Edit(plans, vendor, "        key-file: lab/demo-oru/client_key\n        known-hosts: lab/demo-oru/known_hosts\n",
            "        key-file: lab/fault_key\n        insecure-accept-host-key: true\n");
        ShippedPlans.Edit(plans, vendor, "        rpc-timeout: 10s\n", "        rpc-timeout: 2s\n");
        return plans;
    }
}
