namespace OranTestbed.TestSupport;

/// <summary>
/// Removes what a spec left under the temp folder: runs, evidence and exports of the demo campaign weigh hundreds of MB,
/// and a machine that runs the suite many times must not fill its disk (a full disk fails unrelated specs).
/// </summary>
public static class TempFolders
{
    /// <summary>Deletes <paramref name="path"/> and everything below it; a folder that is gone or still busy is left.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TestContext.Progress.WriteLine($"could not delete {path}: {e.Message}");
        }
    }
}
