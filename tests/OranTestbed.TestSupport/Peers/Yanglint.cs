using System.Diagnostics;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// libyang's <c>yanglint</c> (Debian <c>libyang2-tools</c> 2.1.30) as the oracle for O-RAN YANG data: it validates
/// what we write against the pristine modules of testplans/yang. Installed by the README's test command; missing →
/// fails in CI, skipped locally (<see cref="MissingPeer"/>). Specs using it carry <c>[Category(PeerCategories.Yanglint)]</c>.
/// yanglint 2.1.30 crashes on data of o-ran-performance-management (mplane.md §1.5-9): leave that module out.
/// </summary>
public static class Yanglint
{
    public const string Executable = "yanglint";

    public const string Setup = "tools/setup/install-system-packages.sh";

    /// <summary>Validates the top-level elements of <paramref name="xml"/> as <paramref name="type"/> data (<c>config</c>,
    /// <c>data</c>, <c>edit</c>) of <paramref name="modules"/>; returns yanglint's exit code and its messages.</summary>
    public static (int ExitCode, string Output) Validate(string xml, string type, params string[] modules)
    {
        if (!MissingPeer.OnPath(Executable))
        {
            MissingPeer.Report("yanglint is not installed (libyang validates our O-RAN YANG data)", Setup);
        }

        string yang = Path.Combine(TestPaths.RepositoryRoot, "testplans", "yang");
        string file = Path.Combine(Path.GetTempPath(), $"oran-testbed-yanglint-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in (string[])["-p", Path.Combine(yang, "o-ran-v17.01"), "-p", Path.Combine(yang, "ietf"), "-t", type])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string module in modules)
            {
                start.ArgumentList.Add(Path.Combine(yang, module.StartsWith("ietf", StringComparison.Ordinal) || module.StartsWith("iana", StringComparison.Ordinal)
                    ? "ietf" : "o-ran-v17.01", module + ".yang"));
            }

            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
