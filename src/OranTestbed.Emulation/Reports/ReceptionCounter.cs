using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Reports;

/// <summary>The O-RU's live counters behind <see cref="ReceptionCounters"/>; classification as the analyzer's.</summary>
internal sealed class ReceptionCounter
{
    private readonly Window _cpDl;
    private readonly Window _cpUl;
    private readonly Window _up;

    public ReceptionCounter(DelayManagement delays)
    {
        _cpDl = new Window(DelayWindow.T2aCpDl, delays.Bounds(DelayWindow.T2aCpDl));
        _cpUl = new Window(DelayWindow.T2aCpUl, delays.Bounds(DelayWindow.T2aCpUl));
        _up = new Window(DelayWindow.T2aUp, delays.Bounds(DelayWindow.T2aUp));
    }

    public long Received { get; set; }

    public long UnknownEaxc { get; set; }

    public long Corrupt { get; set; }

    /// <summary>Messages more than <see cref="FarOffNs"/> from their air time: not classified.</summary>
    public long FarOff { get; private set; }

    /// <summary>
    /// Beyond 20 ms (two radio frames) a message's frameId no longer matches its time: it is counted apart, as the
    /// analyzer does (TIMING-FRAMEID-MISMATCH), so both classify the same messages.
    /// </summary>
    public const long FarOffNs = 20_000_000;

    /// <summary>Classifies a DL message (C-plane DL or UL, U-plane DL) received <paramref name="offsetNs"/> from air time.</summary>
    public void Observe(bool cplane, bool downlink, long offsetNs)
    {
        if (offsetNs > FarOffNs || offsetNs < -FarOffNs)
        {
            FarOff++;
            return;
        }

        var window = !cplane ? _up : downlink ? _cpDl : _cpUl;
        window.Observe(offsetNs);
    }

    public ReceptionCounters Build() =>
        new(_cpDl.Build(), _cpUl.Build(), _up.Build(), Received, UnknownEaxc, Corrupt) { FarOff = FarOff };

    private sealed class Window(DelayWindow window, DelayWindowBounds bounds)
    {
        // Advances: on time when packet − air time is within [−max, −min].
        private readonly bool _checked = bounds.IsComplete;
        private readonly long _low = -(bounds.MaxNanoseconds ?? 0);
        private readonly long _high = -(bounds.MinNanoseconds ?? 0);
        private long _early, _onTime, _late;

        public void Observe(long offsetNs)
        {
            if (!_checked)
            {
                return;
            }

            if (offsetNs < _low)
            {
                _early++;
            }
            else if (offsetNs > _high)
            {
                _late++;
            }
            else
            {
                _onTime++;
            }
        }

        public WindowCounters Build() => new(window, _checked, _early, _onTime, _late);
    }
}
