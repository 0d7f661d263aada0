using System.Collections.Immutable;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// Built-in time-error limits by name (profile <c>s-plane: {mask: NAME}</c>):
/// <list type="bullet">
/// <item><c>g8273.2-class-a|b|c</c>: ITU-T G.8273.2 (10/2020) §7.1 noise generation of a T-BC/T-TSC, constant
/// temperature, 1000 s: max|TE| unfiltered 100/70/30 ns, cTE averaged over 1000 s 50/20/10 ns, dTE_L (0.1 Hz
/// low-pass) MTIE 40/40/10 ns and TDEV 4/4/2 ns.</item>
/// <item><c>g8273.2-class-d</c>: max|TE_L| (0.1 Hz low-pass) 5 ns; G.8273.2 gives class D no cTE/dTE limits of its own.</item>
/// <item><c>g8271.1-c</c>: ITU-T G.8271.1 §7.3 network limit max|TE| 1100 ns at reference point C (the input of the
/// end application's T-TSC, e.g. the O-RU); <c>g8271.1-end-to-end</c>: 1500 ns, the ±1.5 µs budget of G.8271 accuracy
/// level 4 (TDD) from the PRTC to the radio.</item>
/// </list>
/// Confirmed against the Calnex one-page summary of G.8273.2 (Amd. 2, 2022) and the testbed reference §5.4; NOT
/// confirmed from the Recommendation's text: the table numbers (7-1..7-4) and the lower end of the dTE_L MTIE/TDEV
/// mask intervals, taken here as 1/16 s (the G.8275.1 Sync interval) for MTIE and TDEV alike, up to 1000 s.
/// </summary>
public static class TimeErrorMasks
{
    public const string G8273ClassA = "g8273.2-class-a";
    public const string G8273ClassB = "g8273.2-class-b";
    public const string G8273ClassC = "g8273.2-class-c";
    public const string G8273ClassD = "g8273.2-class-d";
    public const string G8271NetworkLimitC = "g8271.1-c";
    public const string G8271EndToEnd = "g8271.1-end-to-end";

    private const string G8273 = "ITU-T G.8273.2 §7.1 (noise generation, constant temperature)";
    private const double MinTau = 1.0 / 16;
    private const double MaxTau = 1000;

    public static ImmutableArray<string> Names { get; } =
        [G8273ClassA, G8273ClassB, G8273ClassC, G8273ClassD, G8271NetworkLimitC, G8271EndToEnd];

    /// <summary>The limits of <paramref name="name"/>; false for an unknown name.</summary>
    public static bool TryGet(string name, out TimeErrorLimits limits)
    {
        limits = name switch
        {
            G8273ClassA => Class(name, 100, 50, 40, 4),
            G8273ClassB => Class(name, 70, 20, 40, 4),
            G8273ClassC => Class(name, 30, 10, 10, 2),
            G8273ClassD => new TimeErrorLimits { Mask = name, MaxAbsLowPassTeNanoseconds = 5 },
            G8271NetworkLimitC => new TimeErrorLimits { Mask = name, MaxAbsTeNanoseconds = 1100 },
            G8271EndToEnd => new TimeErrorLimits { Mask = name, MaxAbsTeNanoseconds = 1500 },
            _ => null!,
        };
        return limits is not null;
    }

    /// <summary>The clause a built-in name cites.</summary>
    public static string ClauseOf(string name) => name switch
    {
        G8271NetworkLimitC => "ITU-T G.8271.1 §7.3 (network limit at reference point C)",
        G8271EndToEnd => "ITU-T G.8271 accuracy level 4 / G.8271.1 end-to-end ±1.5 µs",
        _ => G8273,
    };

    private static TimeErrorLimits Class(string name, long maxAbs, long cte, double mtie, double tdev) => new()
    {
        Mask = name,
        MaxAbsTeNanoseconds = maxAbs,
        CteNanoseconds = cte,
        MtieMask = TimeErrorMask.Flat(name, G8273 + " dTE_L MTIE", MinTau, MaxTau, mtie),
        TdevMask = TimeErrorMask.Flat(name, G8273 + " dTE_L TDEV", MinTau, MaxTau, tdev),
    };
}
