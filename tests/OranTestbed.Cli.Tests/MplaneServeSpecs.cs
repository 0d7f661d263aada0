using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Mplane.Framing;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>oran-testbed mplane serve --stdio</c> as sshd runs it: NETCONF and nothing else on standard output, one line on
/// standard error and exit 65 when the client breaks the protocol.
/// </summary>
[TestFixture]
public sealed class MplaneServeSpecs
{
    private static readonly XNamespace Nc = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string[] Serve(params string[] more) =>
    [
        "mplane", "serve", "--stdio", "--personality", "ymir/yr-400",
        "--personalities", Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities"),
        "--yang", Path.Combine(TestPaths.RepositoryRoot, "testplans", "yang"), .. more,
    ];

    [Test]
    public async Task Mplane_serve_must_exchange_hellos_and_answer_a_get_over_stdio()
    {
        using var process = Start(Serve());
        var stderr = process.StandardError.ReadToEndAsync();
        var reader = new NetconfMessageReader(process.StandardOutput.BaseStream);
        using var writer = new NetconfMessageWriter(process.StandardInput.BaseStream);
        using var timeout = new CancellationTokenSource(Patience);

        var hello = XElement.Parse(Encoding.UTF8.GetString((await reader.ReadMessageAsync(timeout.Token))!));
        await writer.WriteMessageAsync(Encoding.UTF8.GetBytes($"<hello xmlns=\"{Nc.NamespaceName}\"><capabilities>"
            + "<capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>"), timeout.Token);
        reader.Framing = writer.Framing = NetconfFraming.Chunked;
        await writer.WriteMessageAsync(Encoding.UTF8.GetBytes($"<nc:rpc xmlns:nc=\"{Nc.NamespaceName}\" message-id=\"42\"><nc:get>"
            + "<nc:filter type=\"subtree\"><hardware xmlns=\"urn:ietf:params:xml:ns:yang:ietf-hardware\"/></nc:filter></nc:get></nc:rpc>"),
            timeout.Token);
        var reply = XElement.Parse(Encoding.UTF8.GetString((await reader.ReadMessageAsync(timeout.Token))!));
        await writer.WriteMessageAsync(Encoding.UTF8.GetBytes($"<rpc xmlns=\"{Nc.NamespaceName}\" message-id=\"43\"><close-session/></rpc>"),
            timeout.Token);
        var closed = XElement.Parse(Encoding.UTF8.GetString((await reader.ReadMessageAsync(timeout.Token))!));
        var end = await reader.ReadMessageAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        XNamespace hw = "urn:ietf:params:xml:ns:yang:ietf-hardware";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hello.Element(Nc + "session-id")?.Value, Is.EqualTo("1"));
            Assert.That(hello.Descendants(Nc + "capability").Select(c => c.Value),
                Does.Contain("urn:o-ran:uplane-conf:1.0?module=o-ran-uplane-conf&revision=2024-12-23"));
            Assert.That(reply.Attribute("message-id")?.Value, Is.EqualTo("42"));
            Assert.That(reply.Descendants(hw + "model-name").Single().Value, Is.EqualTo("yr-400"));
            Assert.That(reply.Element(Nc + "data")!.Elements().Select(e => e.Name), Is.EqualTo((XName[])[hw + "hardware"]));
            Assert.That(closed.Element(Nc + "ok"), Is.Not.Null);
            Assert.That(end, Is.Null, "nothing after the close-session reply");
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(await stderr, Is.Empty);
        }
    }

    [Test]
    public async Task Mplane_serve_must_exit_65_with_one_line_when_stdin_is_not_netconf()
    {
        using var process = Start(Serve());
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync("GET / HTTP/1.1\r\nHost: o-ru\r\n\r\n");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        string[] lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.DataError));
            Assert.That(lines, Has.Length.EqualTo(1));
            Assert.That(lines[0], Does.StartWith("oran-testbed mplane serve: the client broke NETCONF: framing:"));
            Assert.That(await stdout, Does.StartWith("<hello ").And.EndWith("]]>]]>"), "standard output holds the server hello only");
        }
    }

    [TestCase(new string[0], "give --stdio or --call-home")]
    [TestCase(new[] { "--call-home", "controller" }, "is not HOST:PORT")]
    public void Mplane_serve_must_refuse_a_wrong_mode_with_exit_64(string[] extra, string message)
    {
        string[] args = extra.Length == 0 ? [.. Serve().Where(a => a != "--stdio")] : [.. Serve().Where(a => a != "--stdio"), .. extra];
        var result = CliProcess.Run(args);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(result.Stderr, Does.Contain(message));
        }
    }

    [TestCase("operator=root", "--account 'operator=root' is not USER=GROUP with GROUP one of sudo, smo, hybrid-odu, nms, fm-pm, swm")]
    [TestCase("fm-pm", "--account 'fm-pm' is not USER=GROUP")]
    [TestCase("=sudo", "--account '=sudo' is not USER=GROUP")]
    public void Mplane_serve_must_refuse_an_account_of_no_known_group_with_exit_64_and_one_line(string account, string message)
    {
        var result = CliProcess.Run(Serve("--account", "admin=sudo", "--account", account));
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(lines, Has.Length.EqualTo(1), result.Stderr);
            Assert.That(lines[0], Does.StartWith("oran-testbed mplane serve: " + message));
        }
    }

    [Test]
    public void Mplane_serve_must_refuse_two_accounts_of_one_user_with_exit_64()
    {
        var result = CliProcess.Run(Serve("--account", "admin=sudo", "--account", "admin=fm-pm"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(result.Stderr.Trim(), Is.EqualTo("oran-testbed mplane serve: --account 'admin=fm-pm': admin already has an account (sudo)"));
        }
    }

    [Test]
    public void Mplane_serve_must_exit_66_when_the_yang_folder_is_missing()
    {
        var result = CliProcess.Run([.. Serve().Take(7), "--yang", "/nonexistent/yang"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NoInput));
            Assert.That(result.Stderr.Trim(), Does.StartWith("oran-testbed mplane serve: no YANG folder /nonexistent/yang"));
        }
    }

    private static Process Start(string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliProcess.Program);
        foreach (string argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        return Process.Start(psi)!;
    }
}
