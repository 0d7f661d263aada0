using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// Exact OFDM symbol boundaries inside one 1 ms subframe for a numerology µ and cyclic prefix (3GPP TS 38.211 §5.3.1).
/// Symbol l of the subframe (l = slot·symbolsPerSlot + symbol) lasts N_u + N_CP,l Tc with
/// <code>
///   N_u     = 2048κ·2^−µ
///   N_CP,l  = 144κ·2^−µ + 16κ   normal CP, l = 0 or l = 7·2^µ   (the first symbol of each 0.5 ms)
///           = 144κ·2^−µ         normal CP, otherwise
///           = 512κ·2^−µ         extended CP (µ = 2 only; no longer symbol)
/// </code>
/// and starts where the previous one ends. Boundaries are tabulated once, exactly in Tc and rounded to nanoseconds
/// (<see cref="NrTime.TcToNanoseconds"/>) from the exact value, so rounding never accumulates. A symbol's start is the
/// first sample of its cyclic prefix. Instances are shared and immutable; get them with <see cref="For"/>.
/// </summary>
public sealed class SymbolTiming
{
    public const int MaxNumerology = 4;
    public const int SymbolsPerSlotNormal = 14;
    public const int SymbolsPerSlotExtended = 12;

    private static readonly SymbolTiming[] NormalTimings = [new(0, CyclicPrefix.Normal), new(1, CyclicPrefix.Normal),
        new(2, CyclicPrefix.Normal), new(3, CyclicPrefix.Normal), new(4, CyclicPrefix.Normal)];

    private static readonly SymbolTiming ExtendedTiming = new(2, CyclicPrefix.Extended);

    // Start of symbol l of the subframe; one more entry holding the subframe length (so durations are differences).
    private readonly long[] _startTc;
    private readonly long[] _startNs;

    private SymbolTiming(int numerology, CyclicPrefix cyclicPrefix)
    {
        Numerology = numerology;
        CyclicPrefix = cyclicPrefix;
        SlotsPerSubframe = 1 << numerology;
        SymbolsPerSlot = cyclicPrefix == CyclicPrefix.Extended ? SymbolsPerSlotExtended : SymbolsPerSlotNormal;
        UsefulTc = (2048L * NrTime.Kappa) >> numerology;
        CyclicPrefixTc = ((cyclicPrefix == CyclicPrefix.Extended ? 512L : 144L) * NrTime.Kappa) >> numerology;

        int count = SlotsPerSubframe * SymbolsPerSlot;
        _startTc = new long[count + 1];
        _startNs = new long[count + 1];
        for (int l = 0; l < count; l++)
        {
            _startTc[l + 1] = _startTc[l] + UsefulTc + CyclicPrefixTc + (IsLongIndex(l) ? LongExtraTc : 0);
            _startNs[l + 1] = NrTime.TcToNanoseconds(_startTc[l + 1]);
        }
    }

    /// <summary>The extra cyclic prefix of the first symbol of every 0.5 ms with normal CP: 16κ Tc = 16 Ts ≈ 520.8 ns.</summary>
    public const long LongExtraTc = 16L * NrTime.Kappa;

    /// <summary>µ: subcarrier spacing 15·2^µ kHz.</summary>
    public int Numerology { get; }

    public CyclicPrefix CyclicPrefix { get; }

    public int SubcarrierSpacingKHz => 15 << Numerology;

    /// <summary>2^µ.</summary>
    public int SlotsPerSubframe { get; }

    /// <summary>14 (normal CP) or 12 (extended CP).</summary>
    public int SymbolsPerSlot { get; }

    public int SymbolsPerSubframe => SlotsPerSubframe * SymbolsPerSlot;

    /// <summary>N_u: the useful part of every symbol, 2048κ·2^−µ Tc.</summary>
    public long UsefulTc { get; }

    /// <summary>N_CP of an ordinary symbol (without the 16κ of the first symbol of each 0.5 ms).</summary>
    public long CyclicPrefixTc { get; }

    /// <summary>Duration of an ordinary symbol.</summary>
    public long NormalSymbolTc => UsefulTc + CyclicPrefixTc;

    /// <summary>Duration of the first symbol of each 0.5 ms (equal to <see cref="NormalSymbolTc"/> with extended CP).</summary>
    public long LongSymbolTc => NormalSymbolTc + (CyclicPrefix == CyclicPrefix.Normal ? LongExtraTc : 0);

    /// <summary>The timing of numerology µ (0…4) with the given cyclic prefix; extended CP exists for µ = 2 only.</summary>
    public static SymbolTiming For(int numerology, CyclicPrefix cyclicPrefix = CyclicPrefix.Normal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerology);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerology, MaxNumerology);
        return cyclicPrefix switch
        {
            CyclicPrefix.Normal => NormalTimings[numerology],
            CyclicPrefix.Extended when numerology == 2 => ExtendedTiming,
            CyclicPrefix.Extended => throw new ArgumentException(
                $"extended cyclic prefix exists for numerology 2 only (TS 38.211 §4.2), not {numerology}", nameof(cyclicPrefix)),
            _ => throw new ArgumentOutOfRangeException(nameof(cyclicPrefix), cyclicPrefix, "unknown cyclic prefix"),
        };
    }

    /// <summary>True when slotId and symbol exist in this numerology.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(int slotId, int symbol) =>
        (uint)slotId < (uint)SlotsPerSubframe && (uint)symbol < (uint)SymbolsPerSlot;

    /// <summary>Start of a symbol from the start of its subframe, exactly in Tc.</summary>
    public long SymbolStartTc(int slotId, int symbol) => _startTc[Index(slotId, symbol)];

    /// <summary>Start of a symbol from the start of its subframe, rounded to the nearest ns (halves up).</summary>
    public long SymbolStartNs(int slotId, int symbol) => _startNs[Index(slotId, symbol)];

    /// <summary>Duration of a symbol (cyclic prefix included), exactly in Tc.</summary>
    public long SymbolDurationTc(int slotId, int symbol)
    {
        int l = Index(slotId, symbol);
        return _startTc[l + 1] - _startTc[l];
    }

    /// <summary>True for the first symbol of each 0.5 ms with normal CP, which carries the extra 16κ Tc.</summary>
    public bool IsLongSymbol(int slotId, int symbol) => IsLongIndex(Index(slotId, symbol));

    /// <summary>Start of a slot from the start of its subframe, exactly in Tc (k·1 ms/2^µ only for µ ≤ 1).</summary>
    public long SlotStartTc(int slotId) => SymbolStartTc(slotId, 0);

    /// <summary>Duration of a slot, exactly in Tc.</summary>
    public long SlotDurationTc(int slotId)
    {
        int l = Index(slotId, 0);
        return _startTc[l + SymbolsPerSlot] - _startTc[l];
    }

    /// <summary>Start in ns of symbol index l = slot·symbolsPerSlot + symbol, which the caller has validated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long StartNsUnchecked(int symbolInSubframe) => _startNs[symbolInSubframe];

    private bool IsLongIndex(int symbolInSubframe) =>
        CyclicPrefix == CyclicPrefix.Normal && (symbolInSubframe == 0 || symbolInSubframe == 7 << Numerology);

    private int Index(int slotId, int symbol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slotId, SlotsPerSubframe);
        ArgumentOutOfRangeException.ThrowIfNegative(symbol);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(symbol, SymbolsPerSlot);
        return (slotId * SymbolsPerSlot) + symbol;
    }
}
