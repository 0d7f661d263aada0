using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// What a spec does when a program or server it needs beside our code (PostgreSQL, tshark, Chromium) is missing. In CI
/// (<c>CI=true</c>, which CI services set) it FAILS: CI installs every peer, so a missing one is a broken set-up that must
/// not pass quietly. On a developer's machine it is IGNORED (reported as skipped, with the reason) so that the rest of the
/// suite still runs. Either way the message names the setup script that installs the peer. The specs needing a peer
/// carry its category (<see cref="PeerCategories"/>), so <c>--filter TestCategory!=Postgres</c> leaves them out.
/// </summary>
public static class MissingPeer
{
    /// <summary>True when the CI environment variable says so (<c>CI=true</c>, any case).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails (CI) or ignores (locally) the current spec: "<paramref name="problem"/>: run <paramref name="setup"/>".</summary>
    [DoesNotReturn]
    public static void Report(string problem, string setup)
    {
        string message = $"{problem}: run {setup}";
        if (InCi)
        {
            Assert.Fail(message + " (CI=true, so a missing peer fails the run)");
        }

        Assert.Ignore(message + " (skipped outside CI; with CI=true this fails)");
        throw new UnreachableException();
    }

    /// <summary>True when <paramref name="program"/> is an executable file in a folder of PATH.</summary>
    public static bool OnPath(string program)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length > 0 && File.Exists(Path.Combine(folder, program)))
            {
                return true;
            }
        }

        return false;
    }
}
