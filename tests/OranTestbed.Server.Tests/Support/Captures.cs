using OranTestbed.Analysis;
using OranTestbed.Capture.Files;
using OranTestbed.Emulation;
using OranTestbed.Plans.Personalities;
using OranTestbed.TestSupport;

namespace OranTestbed.Server.Tests.Support;

/// <summary>
/// Real fronthaul evidence from the emulator: the demo lab's Polaris PD-7 O-DU (sequence gaps, missing C-plane) with the
/// Quasar Q-300 O-RU (late UL bursts) on the n28 profile, which the analyzer judges FAIL.
/// </summary>
public static class Captures
{
    public static string EmulateFailingPair(string path, long durationNanoseconds = 40_000_000)
    {
        string personalities = Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");
        var profile = ResultDocuments.Plan.FindFronthaulProfile(ResultDocuments.Profile)!.Profile;
        var options = new EmulationOptions
        {
            Profile = profile,
            Du = PersonalityLoader.LoadById(personalities, "polaris/pd-7"),
            Ru = PersonalityLoader.LoadById(personalities, "quasar/q-300"),
            Seed = 7,
            DurationNanoseconds = durationNanoseconds,
        };
        options.Validate();
        var emulation = new PairEmulation(options);
        using (var writer = new CaptureFileWriter(path))
        {
            while (emulation.TryReadNext(out var frame))
            {
                writer.Write(frame.Data, frame.TimestampNanoseconds);
            }
        }

        return path;
    }

    /// <summary>The analyzer's verdict of a capture file with the n28 profile (what the server should find).</summary>
    public static Analysis.Verdicts.Verdict Analyze(string path)
    {
        var analyzer = new FronthaulAnalyzer(ResultDocuments.Plan.FindFronthaulProfile(ResultDocuments.Profile)!.Profile);
        using var reader = new CaptureFileReader(path);
        while (reader.TryReadNext(out var frame))
        {
            analyzer.Process(in frame);
        }

        return analyzer.BuildReport().Verdict.Value;
    }
}
