namespace OranTestbed.Benchmarks.Reporting;

/// <summary>The repository the benchmarks run from (found upwards from the binaries, also in BenchmarkDotNet's child
/// processes): testplans/ holds the profiles and the demo plan they use.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OranTestbed.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("OranTestbed.sln not found above " + AppContext.BaseDirectory);
    }
}
