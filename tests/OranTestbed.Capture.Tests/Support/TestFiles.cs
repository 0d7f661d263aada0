namespace OranTestbed.Capture.Tests.Support;

/// <summary>Paths for test captures: a fresh folder per test, the repository root and the shared sample capture.</summary>
public static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The hand-built 7-frame nanosecond reference capture shipped in testplans/captures.</summary>
    public static string SharedCapture =>
        Path.Combine(RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");

    /// <summary>A new empty folder for the current test.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "capture-work",
            $"{TestContext.CurrentContext.Test.MethodName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A path in a new folder for the current test (the file is not created).</summary>
    public static string NewPath(string fileName) => Path.Combine(NewFolder(), fileName);

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
