using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// One window while frames stream by: its limits (or why it is not checked), the totals and per-eAxC statistics.
/// Per-eAxC statistics live in pages of 256 consecutive eAxC values, each page and each eAxC's statistics allocated the
/// first time that eAxC is seen in this window, so after warm-up nothing is allocated per message.
/// </summary>
internal sealed class WindowState
{
    private const int PageBits = 8;
    private const int PageSize = 1 << PageBits;

    private readonly OffsetStatistics?[]?[] _pages = new OffsetStatistics?[]?[(ushort.MaxValue + 1) >> PageBits];
    private readonly List<ushort> _eaxcs = [];

    public WindowState(DelayWindow window, DelayWindowBounds bounds)
    {
        Window = window;
        Checked = TimingWindows.TryLimits(window, bounds, out var limits, out string? reason);
        Limits = limits;
        Reason = reason;
    }

    public DelayWindow Window { get; }

    public bool Checked { get; }

    public WindowLimits Limits { get; }

    public string? Reason { get; }

    public OffsetStatistics Total { get; } = new();

    public TimingClass Add(ushort eaxc, long offsetNs)
    {
        var timing = Limits.Classify(offsetNs);
        Total.Add(offsetNs, timing);
        var page = _pages[eaxc >> PageBits] ??= new OffsetStatistics?[PageSize];
        ref var statistics = ref page[eaxc & (PageSize - 1)];
        if (statistics is null)
        {
            statistics = new OffsetStatistics();
            _eaxcs.Add(eaxc);
        }

        statistics.Add(offsetNs, timing);
        return timing;
    }

    public WindowReport Build()
    {
        if (!Checked)
        {
            return new WindowReport(Window, false, Reason, null, Total.Summarize(), [], 0, 0, []);
        }

        var sorted = _eaxcs.ToArray();
        Array.Sort(sorted);
        var perEaxc = ImmutableArray.CreateBuilder<EaxcWindowReport>(sorted.Length);
        foreach (ushort eaxc in sorted)
        {
            perEaxc.Add(new EaxcWindowReport(eaxc, _pages[eaxc >> PageBits]![eaxc & (PageSize - 1)]!.Summarize()));
        }

        return new WindowReport(Window, true, null, Limits, Total.Summarize(), Total.NonEmptyBins(), Total.Underflow,
            Total.Overflow, perEaxc.MoveToImmutable());
    }
}
