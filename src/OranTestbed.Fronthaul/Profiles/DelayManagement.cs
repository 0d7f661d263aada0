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

    // Indexed by DelayParameter (DelayParameterNames has the names); null = not given.
    private readonly ImmutableArray<long?> _values = [.. new long?[DelayParameterNames.All.Length]];

    /// <summary>The value of one parameter (ns), null when not given.</summary>
    public long? Get(DelayParameter parameter) => _values[(int)parameter];

    /// <summary>A copy with one parameter set (ns) or cleared (null).</summary>
    public DelayManagement With(DelayParameter parameter, long? nanoseconds) =>
        new(_values.SetItem((int)parameter, nanoseconds));

    public DelayManagement()
    {
    }

    private DelayManagement(ImmutableArray<long?> values) => _values = values;

    public bool Equals(DelayManagement? other) => other is not null && _values.SequenceEqual(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (long? value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The parameters that bound a window: (min, max).</summary>
    public static (DelayParameter Min, DelayParameter Max) ParametersOf(DelayWindow window)
    {
        var spec = DelayWindows.Of(window);
        return (spec.Min, spec.Max);
    }

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

        if (Get(DelayParameter.T2aMinCpDl) is { } cp && Get(DelayParameter.T2aMinUp) is { } up
            && Get(DelayParameter.TcpAdvDl) is { } advance && cp != up + advance)
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
