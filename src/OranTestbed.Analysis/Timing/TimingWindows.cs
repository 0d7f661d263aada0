using System.Collections.Immutable;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// The analysis' view of the delay-window table (<see cref="DelayWindows"/>: parameters, names, tap, plane, direction
/// and sign of each window): which window judges a message at a tap, and the early/late rules of each window, looked
/// up once by their catalogue ids (<c>TIMING-T2A-UP-EARLY</c> …) instead of a switch per window.
/// </summary>
public static class TimingWindows
{
    private static readonly Rule[] Early = [.. DelayWindows.All.Select(w => RuleOf(w, "EARLY"))];
    private static readonly Rule[] Late = [.. DelayWindows.All.Select(w => RuleOf(w, "LATE"))];

    /// <summary>The four windows checked at a tap, in report order (C-plane DL, C-plane UL, U-plane DL, U-plane UL).</summary>
    public static ImmutableArray<DelayWindow> ForTap(CaptureTap tap) => DelayWindows.ForTap(tap);

    /// <summary>The window that judges a message of <paramref name="cplane"/>/U-plane in <paramref name="downlink"/>/UL at <paramref name="tap"/>.</summary>
    public static DelayWindow Of(CaptureTap tap, bool cplane, bool downlink) => DelayWindows.At(tap, cplane, downlink);

    /// <summary>True for T1a/T2a (before air time), false for Ta3/Ta4 (after air time).</summary>
    public static bool IsAdvance(DelayWindow window) => DelayWindows.Of(window).IsAdvance;

    /// <summary>The window's name in reports: the YANG stem of its leaves (<c>t2a-cp-dl</c>, <c>ta3</c>, …).</summary>
    public static string Name(DelayWindow window) => DelayWindows.Of(window).Name;

    public static Rule EarlyRule(DelayWindow window) => Early[(int)DelayWindows.Of(window).Window];

    public static Rule LateRule(DelayWindow window) => Late[(int)DelayWindows.Of(window).Window];

    /// <summary>True for the early/late rules of every window (judged by ratio against the verdict thresholds).</summary>
    public static bool IsWindowRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Array.IndexOf(Early, rule) >= 0 || Array.IndexOf(Late, rule) >= 0;
    }

    /// <summary>
    /// The on-time range of packet − air time for the window's bounds, or false with the reason when the profile does
    /// not give both bounds.
    /// </summary>
    public static bool TryLimits(DelayWindow window, DelayWindowBounds bounds, out WindowLimits limits, out string? reason)
    {
        if (bounds is { MinNanoseconds: { } min, MaxNanoseconds: { } max })
        {
            limits = IsAdvance(window) ? new WindowLimits(-max, -min) : new WindowLimits(min, max);
            reason = null;
            return true;
        }

        var (minParameter, maxParameter) = DelayManagement.ParametersOf(window);
        string minName = DelayParameterNames.YangName(minParameter), maxName = DelayParameterNames.YangName(maxParameter);
        reason = (bounds.MinNanoseconds, bounds.MaxNanoseconds) switch
        {
            (null, null) => $"the profile gives neither {minName} nor {maxName}",
            (null, _) => $"the profile does not give {minName}",
            _ => $"the profile does not give {maxName}",
        };
        limits = default;
        return false;
    }

    private static Rule RuleOf(DelayWindowSpec window, string what) =>
        RuleCatalogue.Find($"TIMING-{window.Name.ToUpperInvariant()}-{what}")
        ?? throw new InvalidOperationException($"the rule catalogue lacks the {what} rule of {window.Name}");
}
