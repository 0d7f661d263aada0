using System.Diagnostics;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Capture.Tests.Support;

/// <summary>Runs tshark and editcap (Debian package wireshark / tshark) as oracles and file converters; the specs using them
/// carry <c>[Category(PeerCategories.Tshark)]</c>.</summary>
public static class WiresharkTools
{
    /// <summary>One line per frame with the given tshark fields, tab separated.</summary>
    public static IReadOnlyList<string> TsharkFields(string capture, params string[] fields)
    {
        var args = new List<string> { "-r", capture, "-T", "fields" };
        foreach (var field in fields)
        {
            args.Add("-e");
            args.Add(field);
        }

        return Run("tshark", args).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>editcap with the given arguments, e.g. <c>-F pcapng in out</c>.</summary>
    public static void Editcap(params string[] args) => Run("editcap", args);

    private static string Run(string tool, IEnumerable<string> args)
    {
        Tshark.Require(tool);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            MissingPeer.Report($"{tool} did not start ({e.Message})", Tshark.Setup);
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{tool} {string.Join(' ', start.ArgumentList)} failed: {stderr.Result}");
            return stdout;
        }
    }
}
