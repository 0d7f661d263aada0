using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>The YANG leaf names of <see cref="DelayParameter"/> (o-ran-delay-management: ru-delay-profile, o-du delay).</summary>
public static class DelayParameterNames
{
    /// <summary>Every parameter in YANG order, with its leaf name.</summary>
    public static ImmutableArray<DelayParameter> All { get; } =
    [
        DelayParameter.T2aMinUp, DelayParameter.T2aMaxUp, DelayParameter.T2aMinCpDl, DelayParameter.T2aMaxCpDl,
        DelayParameter.TcpAdvDl, DelayParameter.T2aMinCpUl, DelayParameter.T2aMaxCpUl, DelayParameter.Ta3Min,
        DelayParameter.Ta3Max, DelayParameter.T1aMinUp, DelayParameter.T1aMaxUp, DelayParameter.T1aMinCpDl,
        DelayParameter.T1aMaxCpDl, DelayParameter.T1aMinCpUl, DelayParameter.T1aMaxCpUl, DelayParameter.Ta4Min,
        DelayParameter.Ta4Max,
    ];

    public static string YangName(DelayParameter parameter) => parameter switch
    {
        DelayParameter.T2aMinUp => "t2a-min-up",
        DelayParameter.T2aMaxUp => "t2a-max-up",
        DelayParameter.T2aMinCpDl => "t2a-min-cp-dl",
        DelayParameter.T2aMaxCpDl => "t2a-max-cp-dl",
        DelayParameter.TcpAdvDl => "tcp-adv-dl",
        DelayParameter.T2aMinCpUl => "t2a-min-cp-ul",
        DelayParameter.T2aMaxCpUl => "t2a-max-cp-ul",
        DelayParameter.Ta3Min => "ta3-min",
        DelayParameter.Ta3Max => "ta3-max",
        DelayParameter.T1aMinUp => "t1a-min-up",
        DelayParameter.T1aMaxUp => "t1a-max-up",
        DelayParameter.T1aMinCpDl => "t1a-min-cp-dl",
        DelayParameter.T1aMaxCpDl => "t1a-max-cp-dl",
        DelayParameter.T1aMinCpUl => "t1a-min-cp-ul",
        DelayParameter.T1aMaxCpUl => "t1a-max-cp-ul",
        DelayParameter.Ta4Min => "ta4-min",
        DelayParameter.Ta4Max => "ta4-max",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null),
    };

    public static bool TryParse(string yangName, [NotNullWhen(true)] out DelayParameter? parameter)
    {
        foreach (var p in All)
        {
            if (string.Equals(YangName(p), yangName, StringComparison.Ordinal))
            {
                parameter = p;
                return true;
            }
        }

        parameter = null;
        return false;
    }
}
