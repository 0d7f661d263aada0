using System.Diagnostics.CodeAnalysis;
using OranTestbed.Fronthaul.Timing;

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
        error = ValidateSlots(slots, numerology);
        if (error is null)
        {
            bool hasSpecial = slots.Contains('S', StringComparison.Ordinal);
            if (hasSpecial && special is null)
            {
                error = $"the pattern '{slots}' has S slots but no special-slot symbol split";
            }
            else if (!hasSpecial && special is not null)
            {
                error = $"a special-slot split is given but the pattern '{slots}' has no S slot";
            }
            else if (special is { } split)
            {
                error = ValidateSpecialSlot(split, cyclicPrefix);
            }
        }

        if (error is not null)
        {
            return false;
        }

        pattern = new TddPattern(slots, special);
        error = null;
        return true;
    }

    /// <summary>Checks the slot letters and the period; null when valid, else why.</summary>
    public static string? ValidateSlots(string slots, int numerology)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (slots.Length == 0)
        {
            return "the slot pattern is empty: write one letter per slot, e.g. DDDSU";
        }

        foreach (char c in slots)
        {
            if (c is not ('D' or 'S' or 'U' or 'F'))
            {
                return $"slot letter '{c}' in '{slots}' is not one of D (downlink), S (special), U (uplink), F (flexible)";
            }
        }

        long slotNs = 1_000_000L >> numerology;
        long periodNs = slots.Length * slotNs;
        return 20_000_000L % periodNs == 0
            ? null
            : $"{slots.Length} slots of {Micro(slotNs)} make a {Micro(periodNs)} period, which does not divide 20 ms "
                + "(3GPP TS 38.213 §11.1)";
    }

    /// <summary>Checks a special-slot split against the symbols per slot; null when valid, else why.</summary>
    public static string? ValidateSpecialSlot(SpecialSlotSplit split, CyclicPrefix cyclicPrefix)
    {
        int symbols = Carrier.SymbolsPerSlotFor(cyclicPrefix);
        return split.Downlink >= 0 && split.Guard >= 0 && split.Uplink >= 0 && split.Total == symbols
            ? null
            : $"the special-slot split {split} (DL:guard:UL) sums to {split.Total}; it must sum to {symbols} symbols "
                + $"({(cyclicPrefix == CyclicPrefix.Normal ? "normal" : "extended")} cyclic prefix)";
    }

    private static string Micro(long nanoseconds) =>
        (nanoseconds / 1000m).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " us";

    public override string ToString() => Special is { } s ? $"{Slots} (S = {s})" : Slots;
}
