using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// The NR basic time units (3GPP TS 38.211 §4.1): Tc = 1/(Δf_max·N_f) with Δf_max = 480 kHz and N_f = 4096, so one
/// second is exactly 1 966 080 000 Tc; κ = Ts/Tc = 64 with Ts = 1/(15 kHz·2048) = 1/30.72 MHz (the LTE unit).
/// Every NR symbol boundary is a whole number of Tc, so timing is kept exactly in Tc and rounded to nanoseconds once.
/// </summary>
public static class NrTime
{
    /// <summary>Tc per second: 480 000 · 4096.</summary>
    public const long TcPerSecond = 480_000L * 4096;

    /// <summary>κ = Ts / Tc (TS 38.211 §4.1).</summary>
    public const int Kappa = 64;

    /// <summary>Tc per Ts (Ts = 1/30.72 MHz).</summary>
    public const int TcPerTs = Kappa;

    /// <summary>Tc per 1 ms subframe: 1 966 080.</summary>
    public const long TcPerSubframe = TcPerSecond / 1000;

    /// <summary>Tc per 0.5 ms: the first symbol of every half subframe is 16κ Tc longer (TS 38.211 §5.3.1).</summary>
    public const long TcPerHalfSubframe = TcPerSubframe / 2;

    /// <summary>Tc per 10 ms radio frame.</summary>
    public const long TcPerFrame = TcPerSubframe * 10;

    /// <summary>1 Tc = 10^9 / 1 966 080 000 ns = 3125 / 6144 ns exactly: the numerator.</summary>
    public const long NanosecondsPerTcNumerator = 3125;

    /// <summary>1 Tc = 3125 / 6144 ns exactly: the denominator.</summary>
    public const long NanosecondsPerTcDenominator = 6144;

    public const long NanosecondsPerSubframe = 1_000_000;
    public const long NanosecondsPerFrame = 10_000_000;

    /// <summary>
    /// Tc to nanoseconds, rounded to the nearest nanosecond with halves rounded up (towards +∞):
    /// floor((tc·3125 + 3072) / 6144). Exact for |tc| below 2^51 (about 13 days), far beyond one frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long TcToNanoseconds(long tc) =>
        FloorDivide((tc * NanosecondsPerTcNumerator) + (NanosecondsPerTcDenominator / 2), NanosecondsPerTcDenominator);

    /// <summary>Tc to nanoseconds as an exact decimal (28 significant digits), for reports and tests.</summary>
    public static decimal TcToNanosecondsExact(long tc) =>
        (decimal)tc * NanosecondsPerTcNumerator / NanosecondsPerTcDenominator;

    /// <summary>Floor division (rounds towards −∞, unlike C#'s truncating <c>/</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long FloorDivide(long dividend, long divisor)
    {
        long quotient = Math.DivRem(dividend, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
