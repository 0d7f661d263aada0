using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>The YANG leaf names of <see cref="DelayParameter"/> (o-ran-delay-management: ru-delay-profile, o-du delay),
/// one table indexed by the enum.</summary>
public static class DelayParameterNames
{
    private static readonly string[] Names =
    [
        "t2a-min-up", "t2a-max-up", "t2a-min-cp-dl", "t2a-max-cp-dl", "tcp-adv-dl", "t2a-min-cp-ul", "t2a-max-cp-ul",
        "ta3-min", "ta3-max", "t1a-min-up", "t1a-max-up", "t1a-min-cp-dl", "t1a-max-cp-dl", "t1a-min-cp-ul",
        "t1a-max-cp-ul", "ta4-min", "ta4-max",
    ];

    /// <summary>Every parameter in YANG order.</summary>
    public static ImmutableArray<DelayParameter> All { get; } = [.. Enum.GetValues<DelayParameter>()];

    public static string YangName(DelayParameter parameter) =>
        (uint)parameter < (uint)Names.Length ? Names[(int)parameter] : throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null);

    public static bool TryParse(string yangName, [NotNullWhen(true)] out DelayParameter? parameter)
    {
        int index = Array.IndexOf(Names, yangName);
        parameter = index >= 0 ? (DelayParameter)index : null;
        return index >= 0;
    }
}
