using System.Collections.Immutable;

namespace OranTestbed.Plans.Personalities;

/// <summary>
/// How one vendor's product behaves on the fronthaul: its role, its timing (<see cref="DuBehaviour"/> for an O-DU,
/// <see cref="RuBehaviour"/> for an O-RU), its defects and the capabilities the emulator needs. Immutable; loaded from
/// <c>testplans/personalities/VENDOR/PRODUCT.yaml</c> by <see cref="PersonalityLoader"/>, or built in code; OranTestbed.Emulation
/// runs it (the model lives here, with the other testplans/ files, so that Plans needs nothing above it).
/// </summary>
public sealed record Personality
{
    public Personality(string id, NodeRole role, ImmutableArray<Defect> defects = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Role = role;
        Defects = defects.IsDefault ? [] : defects;
        foreach (var defect in Defects)
        {
            if (!defect.AppliesTo(role))
            {
                throw new ArgumentException($"{defect.Kind} does not apply to an {RoleName(role)}", nameof(defects));
            }
        }
    }

    /// <summary><c>VENDOR/PRODUCT</c>, e.g. <c>xylem/xd-100</c>.</summary>
    public string Id { get; }

    public NodeRole Role { get; }

    public string? Description { get; init; }

    /// <summary>Timing of an O-DU (ignored for an O-RU).</summary>
    public DuBehaviour DuBehaviour { get; init; } = DuBehaviour.Default;

    /// <summary>Timing of an O-RU (ignored for an O-DU).</summary>
    public RuBehaviour RuBehaviour { get; init; } = RuBehaviour.Default;

    public ProductSettings Settings { get; init; } = ProductSettings.Default;

    /// <summary>How the O-RU's M-plane (NETCONF server) misbehaves; <see cref="MplaneDefects.None"/> for an O-DU.</summary>
    public MplaneDefects MplaneDefects { get; init; } = MplaneDefects.None;

    public ImmutableArray<Defect> Defects { get; }

    /// <summary>A clean O-DU (default timing, no defect).</summary>
    public static Personality CleanDu(string id = "emulated/o-du") => new(id, NodeRole.Du);

    /// <summary>A clean O-RU (default timing, no defect).</summary>
    public static Personality CleanRu(string id = "emulated/o-ru") => new(id, NodeRole.Ru);

    /// <summary>The defect of type <typeparamref name="T"/>, or null.</summary>
    public T? Defect<T>()
        where T : Defect
    {
        foreach (var defect in Defects)
        {
            if (defect is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>"O-DU" or "O-RU".</summary>
    public static string RoleName(NodeRole role) => role == NodeRole.Du ? "O-DU" : "O-RU";

    public override string ToString() => $"{Id} ({RoleName(Role)})";
}
