using System.Diagnostics;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>oran-testbed</c> program (the built oran-testbed.dll under <c>dotnet</c>), or another executable
/// such as <c>oran-testbed-native</c>, as a child process.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Program { get; } = Path.Combine(AppContext.BaseDirectory, "oran-testbed.dll");

    public static CliResult Run(params string[] arguments) => Run(Timeout, arguments);

    public static CliResult Run(TimeSpan timeout, params string[] arguments)
    {
        Assert.That(File.Exists(Program), Is.True, $"{Program} was not built next to the tests");
        return RunExecutable("dotnet", timeout, [Program, .. arguments]);
    }

    /// <summary>Runs <paramref name="executable"/> (a path, or a name on PATH) with <paramref name="arguments"/>.</summary>
    public static CliResult RunExecutable(string executable, TimeSpan timeout, params string[] arguments)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program without waiting: standard output is drained; standard error is left for the caller
    /// to read line by line unless <paramref name="drainStderr"/>.</summary>
    public static Process Start(params string[] arguments) => Start(drainStderr: false, arguments);

    public static Process Start(bool drainStderr, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var process = System.Diagnostics.Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        if (drainStderr)
        {
            _ = process.StandardError.ReadToEndAsync();
        }

        return process;
    }

    /// <summary>Ctrl+C for a child process: SIGINT, as a terminal sends it.</summary>
    public static void Interrupt(Process process)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>A TCP port free on loopback right now (for a server or cluster node the spec starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
