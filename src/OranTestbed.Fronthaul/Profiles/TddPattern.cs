using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// A repeating TDD slot pattern, one letter per slot from the start of every period: D downlink, U uplink, S special
/// (DL symbols, guard, UL symbols as <see cref="Special"/> says), F flexible (3GPP TS 38.213 §11.1). The period, slots
/// times the slot length, must divide 20 ms (TS 38.213 §11.1: 20 ms is a multiple of P + P2), e.g. DDDSU at µ = 1 is
/// 2.5 ms. Build it with <see cref="Create"/> or <see cref="TryCreate"/>, which check those rules.
/// </summary>
public sealed record TddPattern
{
    private TddPattern(string slots, SpecialSlotSplit? special)
    {
        Slots = slots;
        Special = special;
    }

    /// <summary>The slot letters of one period, e.g. "DDDSU".</summary>
    public string Slots { get; }

    /// <summary>The symbol split of every S slot; null when the pattern has no S.</summary>
    public SpecialSlotSplit? Special { get; }

    /// <summary>Slots per period.</summary>
    public int Period => Slots.Length;

    /// <summary>The letter of a slot counted from any period start (e.g. the slot number since frame 0).</summary>
    public char SlotAt(long slot) => Slots[(int)(((slot % Period) + Period) % Period)];

    public static TddPattern Create(string slots, SpecialSlotSplit? special, int numerology, CyclicPrefix cyclicPrefix) =>
        TryCreate(slots, special, numerology, cyclicPrefix, out var pattern, out string? error)
            ? pattern
            : throw new ArgumentException(error, nameof(slots));

    /// <summary>Checks the pattern; on failure <paramref name="error"/> says why in one sentence (no key path, no position).</summary>
    public static bool TryCreate(string slots, SpecialSlotSplit? special, int numerology, CyclicPrefix cyclicPrefix,
        [NotNullWhen(true)] out TddPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(slots);
        pattern = null;
        if (slots.Length == 0)
        {
            error = "the slot pattern is empty: write one letter per slot, e.g. DDDSU";
            return false;
        }

        foreach (char c in slots)
        {
            if (c is not ('D' or 'S' or 'U' or 'F'))
            {
                error = $"slot letter '{c}' in '{slots}' is not one of D (downlink), S (special), U (uplink), F (flexible)";
                return false;
            }
        }

        long slotNs = 1_000_000L >> numerology;
        long periodNs = slots.Length * slotNs;
        if (20_000_000L % periodNs != 0)
        {
            error = $"{slots.Length} slots of {slotNs / 1000.0:0.###} us make a {periodNs / 1000.0:0.###} us period, "
                + "which does not divide 20 ms (3GPP TS 38.213 §11.1)";
            return false;
        }

        bool hasSpecial = slots.Contains('S', StringComparison.Ordinal);
        if (hasSpecial && special is null)
        {
            error = $"the pattern '{slots}' has S slots but no special-slot symbol split";
            return false;
        }

        if (!hasSpecial && special is not null)
        {
            error = $"a special-slot split is given but the pattern '{slots}' has no S slot";
            return false;
        }

        if (special is { } split)
        {
            int symbols = Carrier.SymbolsPerSlotFor(cyclicPrefix);
            if (split.Downlink < 0 || split.Guard < 0 || split.Uplink < 0 || split.Total != symbols)
            {
                error = $"the special-slot split {split} (DL:guard:UL) must be non-negative and sum to {symbols} "
                    + $"symbols ({(cyclicPrefix == CyclicPrefix.Normal ? "normal" : "extended")} cyclic prefix), not {split.Total}";
                return false;
            }
        }

        pattern = new TddPattern(slots, special);
        error = null;
        return true;
    }

    public override string ToString() => Special is { } s ? $"{Slots} (S = {s})" : Slots;
}
