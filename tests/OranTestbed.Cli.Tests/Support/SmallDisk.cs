using System.Diagnostics;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>
/// A full disk to write onto: a tmpfs of <c>size</c> mounted on a fresh folder (needs root: the specs that use it are
/// Live, and are ignored when not root). <see cref="Dispose"/> unmounts it and removes the folder.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(string size = "1m")
    {
        if (Environment.UserName != "root")
        {
            Assert.Ignore("mounting a tmpfs needs root");
        }

        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oran-testbed-small-disk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        return new SmallDisk(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Makes room (or takes it away) without touching what is on the disk.</summary>
    public void Resize(string size) => Run("mount", "-o", $"remount,size={size}", Path);

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)}");
    }
}
