using System.Collections.Immutable;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The single table of delay windows (O-RAN.WG4.CUS §4.4, fronthaul.md §4.5): which parameters bound each window,
/// where it is judged and its sign. Every other place (profile loading, timing classification, rules, metrics, reports)
/// reads it here rather than switching over the windows again.
/// <code>
///   tap   C-plane DL   C-plane UL   U-plane DL   U-plane UL
///   ru    T2aCpDl      T2aCpUl      T2aUp        Ta3
///   du    T1aCpDl      T1aCpUl      T1aUp        Ta4
/// </code>
/// </summary>
public static class DelayWindows
{
    /// <summary>Every window, indexed by <see cref="DelayWindow"/>.</summary>
    public static ImmutableArray<DelayWindowSpec> All { get; } =
    [
        new(DelayWindow.T2aUp, "t2a-up", DelayParameter.T2aMinUp, DelayParameter.T2aMaxUp, CaptureTap.Ru, CPlane: false, Downlink: true, IsAdvance: true),
        new(DelayWindow.T2aCpDl, "t2a-cp-dl", DelayParameter.T2aMinCpDl, DelayParameter.T2aMaxCpDl, CaptureTap.Ru, CPlane: true, Downlink: true, IsAdvance: true),
        new(DelayWindow.T2aCpUl, "t2a-cp-ul", DelayParameter.T2aMinCpUl, DelayParameter.T2aMaxCpUl, CaptureTap.Ru, CPlane: true, Downlink: false, IsAdvance: true),
        new(DelayWindow.Ta3, "ta3", DelayParameter.Ta3Min, DelayParameter.Ta3Max, CaptureTap.Ru, CPlane: false, Downlink: false, IsAdvance: false),
        new(DelayWindow.T1aUp, "t1a-up", DelayParameter.T1aMinUp, DelayParameter.T1aMaxUp, CaptureTap.Du, CPlane: false, Downlink: true, IsAdvance: true),
        new(DelayWindow.T1aCpDl, "t1a-cp-dl", DelayParameter.T1aMinCpDl, DelayParameter.T1aMaxCpDl, CaptureTap.Du, CPlane: true, Downlink: true, IsAdvance: true),
        new(DelayWindow.T1aCpUl, "t1a-cp-ul", DelayParameter.T1aMinCpUl, DelayParameter.T1aMaxCpUl, CaptureTap.Du, CPlane: true, Downlink: false, IsAdvance: true),
        new(DelayWindow.Ta4, "ta4", DelayParameter.Ta4Min, DelayParameter.Ta4Max, CaptureTap.Du, CPlane: false, Downlink: false, IsAdvance: false),
    ];

    /// <summary>The four windows judged at a tap, in report order (C-plane DL, C-plane UL, U-plane DL, U-plane UL).</summary>
    public static ImmutableArray<DelayWindow> ForTap(CaptureTap tap) => tap == CaptureTap.Ru ? RuWindows : DuWindows;

    private static readonly ImmutableArray<DelayWindow> RuWindows = [.. Ordered(CaptureTap.Ru)];

    private static readonly ImmutableArray<DelayWindow> DuWindows = [.. Ordered(CaptureTap.Du)];

    public static DelayWindowSpec Of(DelayWindow window) =>
        (uint)window < (uint)All.Length ? All[(int)window] : throw new ArgumentOutOfRangeException(nameof(window), window, null);

    /// <summary>The window that judges a C-plane/U-plane message in DL/UL at <paramref name="tap"/>.</summary>
    public static DelayWindow At(CaptureTap tap, bool cplane, bool downlink)
    {
        foreach (var spec in All)
        {
            if (spec.Tap == tap && spec.CPlane == cplane && spec.Downlink == downlink)
            {
                return spec.Window;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(tap), tap, null);
    }

    /// <summary>The window named <paramref name="name"/> (<c>t2a-up</c>, …).</summary>
    public static bool TryParse(string name, out DelayWindow window)
    {
        foreach (var spec in All)
        {
            if (string.Equals(spec.Name, name, StringComparison.Ordinal))
            {
                window = spec.Window;
                return true;
            }
        }

        window = default;
        return false;
    }

    private static IEnumerable<DelayWindow> Ordered(CaptureTap tap) =>
        All.Where(s => s.Tap == tap).OrderBy(s => s.CPlane ? 0 : 1).ThenBy(s => s.Downlink ? 0 : 1).Select(s => s.Window);
}
