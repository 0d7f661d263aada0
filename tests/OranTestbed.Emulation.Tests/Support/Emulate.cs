using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Emulation.Reports;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Emulation.Tests.Support;

/// <summary>Runs an emulation straight into the analyzer (no file) and keeps both reports.</summary>
public static class Emulate
{
    public static FronthaulProfile Profile(string name) =>
        FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", name + ".yaml"));

    public static EmulationOptions Options(FronthaulProfile profile, Personality? du = null, Personality? ru = null,
        long durationMs = 20, ulong seed = 7, CaptureTap tap = CaptureTap.Ru) => new()
    {
        Profile = profile,
        Du = du ?? Personality.CleanDu(),
        Ru = ru ?? Personality.CleanRu(),
        DurationNanoseconds = durationMs * 1_000_000,
        Seed = seed,
        Tap = tap,
    };

    /// <summary>Emulates and analyzes at the options' tap; returns both reports.</summary>
    public static (EmulationReport Emulation, AnalysisReport Analysis) AndAnalyze(EmulationOptions options)
    {
        var emulation = new PairEmulation(options);
        var analyzer = new FronthaulAnalyzer(options.Profile, options.EffectiveTap);
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
        }

        return (emulation.BuildReport(), analyzer.BuildReport());
    }

    /// <summary>Findings as "RULE-ID x count" lines, for assertion messages.</summary>
    public static string Describe(this AnalysisReport report) =>
        string.Join("; ", report.Findings.Select(f => $"{f.Rule.Id} x{f.Count}")) + " | verdict "
        + report.Verdict.Value + ": " + string.Join(" / ", report.Verdict.Reasons);
}
