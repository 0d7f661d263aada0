using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// The on-time range of a window as packet timestamp − air time, in ns, both edges inclusive (a message exactly at an
/// edge is on time). Advances (T1a/T2a) give [−max, −min], lags (Ta3/Ta4) [min, max].
/// </summary>
public readonly record struct WindowLimits(long EarliestNs, long LatestNs)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TimingClass Classify(long offsetNs) =>
        offsetNs < EarliestNs ? TimingClass.Early : offsetNs > LatestNs ? TimingClass.Late : TimingClass.OnTime;
}
