namespace OranTestbed.TestSupport;

/// <summary>Where the repository and the shared reference captures are, found from the test binary's folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The hand-built 7-frame reference capture (a copy of shared/captures, shipped in testplans/captures).</summary>
    public static string SharedCapture =>
        Path.Combine(RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OranTestbed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OranTestbed.sln not found above " + AppContext.BaseDirectory);
    }
}
