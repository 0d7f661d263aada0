using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Timing;

/// <summary>
/// Where each node may send each kind of message so that it is on time at BOTH taps: an O-DU's advance must be inside
/// its own T1a window and, less the transport delay T12, inside the O-RU's T2a window; an O-RU's UL U-plane delay
/// inside Ta3 and, plus T34, inside Ta4 (O-RAN.WG4.CUS §4.4, defined-transport method). A window the profile does not
/// give comes from <see cref="FallbackDelayWindows"/>; when the two taps' windows do not overlap (an inconsistent
/// profile) the sender's own window wins. The late edge is pulled in by the serialization allowance, the time the
/// last frame of a burst waits behind the others on the link.
/// </summary>
internal sealed class TransmitWindows
{
    public TransmitWindows(FronthaulProfile profile, long t12Ns, long t34Ns, long duAllowanceNs, long ruAllowanceNs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var delays = profile.DelayManagement;
        int mu = profile.Carrier.Numerology;
        DlCPlane = Advance(delays, mu, DelayWindow.T1aCpDl, DelayWindow.T2aCpDl, t12Ns, duAllowanceNs);
        UlCPlane = Advance(delays, mu, DelayWindow.T1aCpUl, DelayWindow.T2aCpUl, t12Ns, duAllowanceNs);
        DlUPlane = Advance(delays, mu, DelayWindow.T1aUp, DelayWindow.T2aUp, t12Ns, duAllowanceNs);
        UlUPlane = Delay(delays, mu, t34Ns, ruAllowanceNs);

        // Late placement: past the looser of the two taps' late edges.
        var t1aUp = Given(delays, DelayWindow.T1aUp) ?? FallbackDelayWindows.Of(DelayWindow.T1aUp, mu);
        var t2aUp = Given(delays, DelayWindow.T2aUp) ?? FallbackDelayWindows.Of(DelayWindow.T2aUp, mu);
        DlUPlaneLateEdge = Math.Min(t1aUp.Min, t2aUp.Min + t12Ns);
        var ta3 = Given(delays, DelayWindow.Ta3) ?? FallbackDelayWindows.Of(DelayWindow.Ta3, mu);
        var ta4 = Given(delays, DelayWindow.Ta4) ?? FallbackDelayWindows.Of(DelayWindow.Ta4, mu);
        UlUPlaneLateEdge = Math.Max(ta3.Max, ta4.Max - t34Ns);
    }

    /// <summary>O-DU advance of DL C-plane (ns before the startSymbolId's air time).</summary>
    public TimeRange DlCPlane { get; }

    public TimeRange UlCPlane { get; }

    public TimeRange DlUPlane { get; }

    /// <summary>O-RU delay of UL U-plane (ns after the symbol's air time).</summary>
    public TimeRange UlUPlane { get; }

    /// <summary>The smallest advance of DL U-plane on time at either tap: a late burst sends below it.</summary>
    public long DlUPlaneLateEdge { get; }

    /// <summary>The largest delay of UL U-plane on time at either tap: a late burst sends above it.</summary>
    public long UlUPlaneLateEdge { get; }

    private static TimeRange? Given(DelayManagement delays, DelayWindow window) =>
        delays.Bounds(window) is { MinNanoseconds: { } min, MaxNanoseconds: { } max } && min <= max
            ? new TimeRange(min, max)
            : null;

    private static TimeRange Advance(DelayManagement delays, int mu, DelayWindow du, DelayWindow ru, long t12Ns,
        long allowanceNs)
    {
        var own = Given(delays, du);
        var peer = Given(delays, ru) is { } r ? new TimeRange(r.Min + t12Ns, r.Max + t12Ns) : (TimeRange?)null;
        TimeRange window;
        if (own is { } o && peer is { } p)
        {
            var both = o.Intersect(p);
            window = both.IsEmpty ? o : both;
        }
        else
        {
            var fallbackOwn = FallbackDelayWindows.Of(du, mu);
            var fallbackPeer = FallbackDelayWindows.Of(ru, mu);
            var fallback = fallbackOwn.Intersect(new TimeRange(fallbackPeer.Min + t12Ns, fallbackPeer.Max + t12Ns));
            window = own ?? peer ?? (fallback.IsEmpty ? fallbackOwn : fallback);
        }

        // The last frame of a burst leaves up to the allowance later, i.e. with a smaller advance.
        return window.Width > 2 * allowanceNs ? window with { Min = window.Min + allowanceNs } : window;
    }

    private static TimeRange Delay(DelayManagement delays, int mu, long t34Ns, long allowanceNs)
    {
        var own = Given(delays, DelayWindow.Ta3);
        var peer = Given(delays, DelayWindow.Ta4) is { } r ? new TimeRange(r.Min - t34Ns, r.Max - t34Ns) : (TimeRange?)null;
        TimeRange window;
        if (own is { } o && peer is { } p)
        {
            var both = o.Intersect(p);
            window = both.IsEmpty ? o : both;
        }
        else
        {
            var fallbackOwn = FallbackDelayWindows.Of(DelayWindow.Ta3, mu);
            var fallbackPeer = FallbackDelayWindows.Of(DelayWindow.Ta4, mu);
            var fallback = fallbackOwn.Intersect(new TimeRange(fallbackPeer.Min - t34Ns, fallbackPeer.Max - t34Ns));
            window = own ?? peer ?? (fallback.IsEmpty ? fallbackOwn : fallback);
        }

        return window.Width > 2 * allowanceNs ? window with { Max = window.Max - allowanceNs } : window;
    }
}
