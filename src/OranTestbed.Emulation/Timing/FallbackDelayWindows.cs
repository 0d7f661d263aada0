using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Timing;

/// <summary>
/// Delay windows for profiles that give none, so that percentage behaviours still place messages sensibly: the O-RAN
/// SC FHI library's published tables (o-ran-sc o-du-phy Architecture-Overview_fh, tables 4-6; fronthaul.md §4.6) for
/// µ = 0, 1 and 3, and µ = 1 halved for µ = 2, which has no published table. Used only for placement: the analyzer
/// still checks only the windows the profile gives.
/// </summary>
internal static class FallbackDelayWindows
{
    // µ: T1a cp-dl, T1a cp-ul, T1a up, Ta4, T2a cp-dl, T2a cp-ul, T2a up, Ta3 (µs, min..max).
    private static readonly int[][] Table =
    [
        [560, 800, 480, 560, 280, 400, 0, 360, 400, 1120, 400, 1120, 200, 1120, 160, 256],
        [285, 429, 285, 300, 96, 196, 0, 75, 285, 429, 285, 429, 71, 428, 20, 32],
        [143, 214, 143, 150, 48, 98, 0, 38, 143, 214, 143, 214, 36, 214, 20, 32],
        [70, 100, 60, 70, 35, 50, 0, 45, 50, 140, 50, 140, 25, 140, 20, 32],
    ];

    public static TimeRange Of(DelayWindow window, int numerology)
    {
        var row = Table[Math.Clamp(numerology, 0, Table.Length - 1)];
        int index = window switch
        {
            DelayWindow.T1aCpDl => 0,
            DelayWindow.T1aCpUl => 1,
            DelayWindow.T1aUp => 2,
            DelayWindow.Ta4 => 3,
            DelayWindow.T2aCpDl => 4,
            DelayWindow.T2aCpUl => 5,
            DelayWindow.T2aUp => 6,
            _ => 7,
        };
        return new TimeRange(row[2 * index] * 1000L, row[(2 * index) + 1] * 1000L);
    }
}
