using System.Collections.Immutable;
using System.Globalization;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The delay-management values of a profile (O-RAN.WG4.CUS §4.4; YANG o-ran-delay-management), each optional and in
/// exact nanoseconds. A window whose bounds are not both given is not checked (<see cref="Bounds"/>).
/// </summary>
public sealed record DelayManagement
{
    /// <summary>No value given.</summary>
    public static DelayManagement None { get; } = new();

    public long? T2aMinUp { get; init; }

    public long? T2aMaxUp { get; init; }

    public long? T2aMinCpDl { get; init; }

    public long? T2aMaxCpDl { get; init; }

    public long? TcpAdvDl { get; init; }

    public long? T2aMinCpUl { get; init; }

    public long? T2aMaxCpUl { get; init; }

    public long? Ta3Min { get; init; }

    public long? Ta3Max { get; init; }

    public long? T1aMinUp { get; init; }

    public long? T1aMaxUp { get; init; }

    public long? T1aMinCpDl { get; init; }

    public long? T1aMaxCpDl { get; init; }

    public long? T1aMinCpUl { get; init; }

    public long? T1aMaxCpUl { get; init; }

    public long? Ta4Min { get; init; }

    public long? Ta4Max { get; init; }

    /// <summary>The value of one parameter (ns), null when not given.</summary>
    public long? Get(DelayParameter parameter) => parameter switch
    {
        DelayParameter.T2aMinUp => T2aMinUp,
        DelayParameter.T2aMaxUp => T2aMaxUp,
        DelayParameter.T2aMinCpDl => T2aMinCpDl,
        DelayParameter.T2aMaxCpDl => T2aMaxCpDl,
        DelayParameter.TcpAdvDl => TcpAdvDl,
        DelayParameter.T2aMinCpUl => T2aMinCpUl,
        DelayParameter.T2aMaxCpUl => T2aMaxCpUl,
        DelayParameter.Ta3Min => Ta3Min,
        DelayParameter.Ta3Max => Ta3Max,
        DelayParameter.T1aMinUp => T1aMinUp,
        DelayParameter.T1aMaxUp => T1aMaxUp,
        DelayParameter.T1aMinCpDl => T1aMinCpDl,
        DelayParameter.T1aMaxCpDl => T1aMaxCpDl,
        DelayParameter.T1aMinCpUl => T1aMinCpUl,
        DelayParameter.T1aMaxCpUl => T1aMaxCpUl,
        DelayParameter.Ta4Min => Ta4Min,
        DelayParameter.Ta4Max => Ta4Max,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null),
    };

    /// <summary>A copy with one parameter set (ns) or cleared (null).</summary>
    public DelayManagement With(DelayParameter parameter, long? nanoseconds) => parameter switch
    {
        DelayParameter.T2aMinUp => this with { T2aMinUp = nanoseconds },
        DelayParameter.T2aMaxUp => this with { T2aMaxUp = nanoseconds },
        DelayParameter.T2aMinCpDl => this with { T2aMinCpDl = nanoseconds },
        DelayParameter.T2aMaxCpDl => this with { T2aMaxCpDl = nanoseconds },
        DelayParameter.TcpAdvDl => this with { TcpAdvDl = nanoseconds },
        DelayParameter.T2aMinCpUl => this with { T2aMinCpUl = nanoseconds },
        DelayParameter.T2aMaxCpUl => this with { T2aMaxCpUl = nanoseconds },
        DelayParameter.Ta3Min => this with { Ta3Min = nanoseconds },
        DelayParameter.Ta3Max => this with { Ta3Max = nanoseconds },
        DelayParameter.T1aMinUp => this with { T1aMinUp = nanoseconds },
        DelayParameter.T1aMaxUp => this with { T1aMaxUp = nanoseconds },
        DelayParameter.T1aMinCpDl => this with { T1aMinCpDl = nanoseconds },
        DelayParameter.T1aMaxCpDl => this with { T1aMaxCpDl = nanoseconds },
        DelayParameter.T1aMinCpUl => this with { T1aMinCpUl = nanoseconds },
        DelayParameter.T1aMaxCpUl => this with { T1aMaxCpUl = nanoseconds },
        DelayParameter.Ta4Min => this with { Ta4Min = nanoseconds },
        DelayParameter.Ta4Max => this with { Ta4Max = nanoseconds },
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null),
    };

    /// <summary>The parameters that bound a window: (min, max).</summary>
    public static (DelayParameter Min, DelayParameter Max) ParametersOf(DelayWindow window) => window switch
    {
        DelayWindow.T2aUp => (DelayParameter.T2aMinUp, DelayParameter.T2aMaxUp),
        DelayWindow.T2aCpDl => (DelayParameter.T2aMinCpDl, DelayParameter.T2aMaxCpDl),
        DelayWindow.T2aCpUl => (DelayParameter.T2aMinCpUl, DelayParameter.T2aMaxCpUl),
        DelayWindow.Ta3 => (DelayParameter.Ta3Min, DelayParameter.Ta3Max),
        DelayWindow.T1aUp => (DelayParameter.T1aMinUp, DelayParameter.T1aMaxUp),
        DelayWindow.T1aCpDl => (DelayParameter.T1aMinCpDl, DelayParameter.T1aMaxCpDl),
        DelayWindow.T1aCpUl => (DelayParameter.T1aMinCpUl, DelayParameter.T1aMaxCpUl),
        DelayWindow.Ta4 => (DelayParameter.Ta4Min, DelayParameter.Ta4Max),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>The bounds of a window as given.</summary>
    public DelayWindowBounds Bounds(DelayWindow window)
    {
        var (min, max) = ParametersOf(window);
        return new DelayWindowBounds(Get(min), Get(max));
    }

    /// <summary>
    /// Checks what the values given allow (O-RAN.WG4.CUS §4.4): errors for a negative value or a min above its max;
    /// information when T2a_min_cp_dl differs from T2a_min_up + Tcp_adv_dl (the C-plane is expected to lead its U-plane
    /// by Tcp_adv_dl; vendors round, so this is not an error).
    /// </summary>
    public ImmutableArray<DelayConsistencyFinding> CheckConsistency()
    {
        var findings = ImmutableArray.CreateBuilder<DelayConsistencyFinding>();
        foreach (var parameter in DelayParameterNames.All)
        {
            if (Get(parameter) is < 0 and var negative)
            {
                findings.Add(new DelayConsistencyFinding(parameter, true,
                    $"{DelayParameterNames.YangName(parameter)} is negative ({Micro(negative)}); delay parameters are non-negative"));
            }
        }

        foreach (var window in Enum.GetValues<DelayWindow>())
        {
            var (minParameter, maxParameter) = ParametersOf(window);
            if (Get(minParameter) is { } min && Get(maxParameter) is { } max && min > max)
            {
                findings.Add(new DelayConsistencyFinding(minParameter, true,
                    $"{DelayParameterNames.YangName(minParameter)} ({Micro(min)}) exceeds "
                    + $"{DelayParameterNames.YangName(maxParameter)} ({Micro(max)})"));
            }
        }

        if (T2aMinCpDl is { } cp && T2aMinUp is { } up && TcpAdvDl is { } advance && cp != up + advance)
        {
            findings.Add(new DelayConsistencyFinding(DelayParameter.T2aMinCpDl, false,
                $"t2a-min-cp-dl ({Micro(cp)}) differs from t2a-min-up + tcp-adv-dl ({Micro(up + advance)}); "
                + "O-RAN.WG4.CUS §4.4 expects them about equal"));
        }

        return findings.ToImmutable();
    }

    private static string Micro(long nanoseconds) =>
        (nanoseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "us";
}
