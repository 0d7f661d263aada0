using System.Globalization;

namespace OranTestbed.Plans.Personalities;

/// <summary>
/// A time of a behaviour: either absolute nanoseconds (<c>150us</c>) or a fraction of the delay window that applies
/// to the message (<c>50%</c>), so that one personality behaves sensibly with every fronthaul profile. As a position
/// (a mean) the fraction counts from the window's min bound (0 %) to its max bound (100 %): for an advance (T1a/T2a)
/// 0 % is the latest send, for a delay (Ta3) the earliest. As a spread (a jitter) it is that fraction of the width.
/// </summary>
public readonly record struct WindowTime
{
    private WindowTime(long nanoseconds, double fraction, bool isFraction)
    {
        NanosecondsValue = nanoseconds;
        FractionValue = fraction;
        IsFraction = isFraction;
    }

    /// <summary>True when the time is a fraction of the window, false when absolute.</summary>
    public bool IsFraction { get; }

    /// <summary>The absolute time (when not <see cref="IsFraction"/>).</summary>
    public long NanosecondsValue { get; }

    /// <summary>The fraction of the window, 0..1 (when <see cref="IsFraction"/>).</summary>
    public double FractionValue { get; }

    public static WindowTime FromNanoseconds(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        return new WindowTime(nanoseconds, 0, false);
    }

    public static WindowTime FromFraction(double fraction)
    {
        if (double.IsNaN(fraction) || fraction < 0 || fraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a window fraction is 0..1");
        }

        return new WindowTime(0, fraction, true);
    }

    /// <summary>As a position in the window [<paramref name="min"/>, <paramref name="max"/>] (ns).</summary>
    public long Position(long min, long max) =>
        IsFraction ? min + (long)Math.Round(FractionValue * (max - min)) : NanosecondsValue;

    /// <summary>As a spread relative to the window [<paramref name="min"/>, <paramref name="max"/>] (ns).</summary>
    public long Span(long min, long max) =>
        IsFraction ? (long)Math.Round(FractionValue * (max - min)) : NanosecondsValue;

    public override string ToString() => IsFraction
        ? (FractionValue * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%"
        : NanosecondsValue.ToString(CultureInfo.InvariantCulture) + "ns";
}
