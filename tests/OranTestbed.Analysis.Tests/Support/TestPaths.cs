namespace OranTestbed.Analysis.Tests.Support;

/// <summary>Where the repository and the shared reference capture are, found from the test binary's folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

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
