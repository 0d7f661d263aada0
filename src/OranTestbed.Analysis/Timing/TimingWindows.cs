using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Which delay window judges which message at a tap, the window's names and rules, and its sign convention
/// (fronthaul.md §4.5, O-RAN.WG4.CUS §4.4): T1a/T2a are advances (the message must be at the tap in
/// [t_air − max, t_air − min]), Ta3/Ta4 are lags ([t_air + min, t_air + max]).
/// <code>
///   tap   C-plane DL   C-plane UL   U-plane DL   U-plane UL
///   ru    T2aCpDl      T2aCpUl      T2aUp        Ta3
///   du    T1aCpDl      T1aCpUl      T1aUp        Ta4
/// </code>
/// </summary>
public static class TimingWindows
{
    /// <summary>The four windows checked at a tap, in report order (C-plane DL, C-plane UL, U-plane DL, U-plane UL).</summary>
    public static ReadOnlySpan<DelayWindow> ForTap(CaptureTap tap) => tap == CaptureTap.Ru ? RuWindows : DuWindows;

    private static ReadOnlySpan<DelayWindow> RuWindows => [DelayWindow.T2aCpDl, DelayWindow.T2aCpUl, DelayWindow.T2aUp, DelayWindow.Ta3];

    private static ReadOnlySpan<DelayWindow> DuWindows => [DelayWindow.T1aCpDl, DelayWindow.T1aCpUl, DelayWindow.T1aUp, DelayWindow.Ta4];

    /// <summary>The window that judges a message of <paramref name="cplane"/>/U-plane in <paramref name="downlink"/>/UL at <paramref name="tap"/>.</summary>
    public static DelayWindow Of(CaptureTap tap, bool cplane, bool downlink) => (tap, cplane, downlink) switch
    {
        (CaptureTap.Ru, true, true) => DelayWindow.T2aCpDl,
        (CaptureTap.Ru, true, false) => DelayWindow.T2aCpUl,
        (CaptureTap.Ru, false, true) => DelayWindow.T2aUp,
        (CaptureTap.Ru, false, false) => DelayWindow.Ta3,
        (_, true, true) => DelayWindow.T1aCpDl,
        (_, true, false) => DelayWindow.T1aCpUl,
        (_, false, true) => DelayWindow.T1aUp,
        _ => DelayWindow.Ta4,
    };

    /// <summary>True for T1a/T2a (before air time), false for Ta3/Ta4 (after air time).</summary>
    public static bool IsAdvance(DelayWindow window) => window is not (DelayWindow.Ta3 or DelayWindow.Ta4);

    /// <summary>The window's name in reports: the YANG stem of its leaves (<c>t2a-cp-dl</c>, <c>ta3</c>, …).</summary>
    public static string Name(DelayWindow window) => window switch
    {
        DelayWindow.T2aUp => "t2a-up",
        DelayWindow.T2aCpDl => "t2a-cp-dl",
        DelayWindow.T2aCpUl => "t2a-cp-ul",
        DelayWindow.Ta3 => "ta3",
        DelayWindow.T1aUp => "t1a-up",
        DelayWindow.T1aCpDl => "t1a-cp-dl",
        DelayWindow.T1aCpUl => "t1a-cp-ul",
        DelayWindow.Ta4 => "ta4",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    public static Rule EarlyRule(DelayWindow window) => window switch
    {
        DelayWindow.T2aUp => RuleCatalogue.TimingT2aUpEarly,
        DelayWindow.T2aCpDl => RuleCatalogue.TimingT2aCpDlEarly,
        DelayWindow.T2aCpUl => RuleCatalogue.TimingT2aCpUlEarly,
        DelayWindow.Ta3 => RuleCatalogue.TimingTa3Early,
        DelayWindow.T1aUp => RuleCatalogue.TimingT1aUpEarly,
        DelayWindow.T1aCpDl => RuleCatalogue.TimingT1aCpDlEarly,
        DelayWindow.T1aCpUl => RuleCatalogue.TimingT1aCpUlEarly,
        DelayWindow.Ta4 => RuleCatalogue.TimingTa4Early,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    public static Rule LateRule(DelayWindow window) => window switch
    {
        DelayWindow.T2aUp => RuleCatalogue.TimingT2aUpLate,
        DelayWindow.T2aCpDl => RuleCatalogue.TimingT2aCpDlLate,
        DelayWindow.T2aCpUl => RuleCatalogue.TimingT2aCpUlLate,
        DelayWindow.Ta3 => RuleCatalogue.TimingTa3Late,
        DelayWindow.T1aUp => RuleCatalogue.TimingT1aUpLate,
        DelayWindow.T1aCpDl => RuleCatalogue.TimingT1aCpDlLate,
        DelayWindow.T1aCpUl => RuleCatalogue.TimingT1aCpUlLate,
        DelayWindow.Ta4 => RuleCatalogue.TimingTa4Late,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>True for the early/late rules of every window (judged by ratio against the verdict thresholds).</summary>
    public static bool IsWindowRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var window in Enum.GetValues<DelayWindow>())
        {
            if (rule == EarlyRule(window) || rule == LateRule(window))
            {
                return true;
            }
        }

        return false;
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
}
