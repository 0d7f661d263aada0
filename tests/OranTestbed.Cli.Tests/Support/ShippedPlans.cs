using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>Copies of the shipped plan (testplans/) that a spec may change: every plan file and the YANG modules the
/// emulated O-RUs serve on their M-plane (not the demo O-RU's generated keys).</summary>
public static class ShippedPlans
{
    /// <summary>Copies the shipped plan to <paramref name="folder"/>/plans and returns that path.</summary>
    public static string CopyTo(string folder)
    {
        string source = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        string plans = Path.Combine(folder, "plans");
        foreach (string file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(source, "yang"), "*", SearchOption.AllDirectories)))
        {
            string copy = Path.Combine(plans, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return plans;
    }

    /// <summary>Replaces <paramref name="text"/> by <paramref name="replacement"/> in the copy's <paramref name="file"/>;
    /// a text not found fails the spec (the shipped plan changed under it).</summary>
    public static void Edit(string plans, string file, string text, string replacement)
    {
        string path = Path.Combine(plans, file);
        string content = File.ReadAllText(path);
        NUnit.Framework.Assert.That(content, NUnit.Framework.Does.Contain(text), $"{file} no longer holds what the spec edits");
        File.WriteAllText(path, content.Replace(text, replacement, StringComparison.Ordinal));
    }
}
