using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// Places a message's frameId / subframeId / slotId / symbol at its absolute air time (fronthaul.md §4.2–4.4) and
/// measures the packet's offset from it. Configured once; every query is allocation-free integer arithmetic over a
/// precomputed symbol table (<see cref="SymbolTiming"/>), divisions by constants only. Thread-safe (immutable).
/// <para>
/// Radio frame F starts at GPS time F·10 ms + β·10 ms + α (frames counted from the GPS epoch 1980-01-06T00:00:00 UTC);
/// frameId = F mod 256, so it wraps every 2.56 s. The frame is recovered from the packet timestamp: of all
/// F ≡ frameId (mod 256), the one whose symbol start is nearest to the timestamp, i.e. the offset
/// packet − air time is taken in [−1.28 s, +1.28 s). At exactly ±1.28 s (a tie) the later frame wins, so the packet
/// counts as 1.28 s early, never 1.28 s late (the half-open interval of floor division).
/// </para>
/// <para>
/// The frame grid is uniform on TAI/GPS; timestamps on UTC are converted with <see cref="LeapSeconds"/>, the air time
/// is returned on the capture's own scale, and the offset is elapsed time (correct across a leap second).
/// </para>
/// </summary>
public sealed class AirTimeClock
{
    /// <summary>frameId wraps after 256 frames = 2.56 s.</summary>
    public const long FrameIdWrapNs = 256 * NrTime.NanosecondsPerFrame;

    /// <summary>Half the wrap: the largest |offset| a frameId can be resolved over.</summary>
    public const long HalfWrapNs = FrameIdWrapNs / 2;

    public const int SubframesPerFrame = 10;

    /// <summary>Accepted packet timestamps: 1972-01-01 (leap-second table) to 2200-01-01, on any scale.</summary>
    public const long MinTimestampNs = LeapSeconds.FirstUtcNs;

    public const long MaxTimestampNs = 7_258_118_400L * 1_000_000_000;

    private readonly SymbolTiming _timing;
    private readonly int _slotsPerSubframe;
    private readonly int _symbolsPerSlot;
    private readonly TimeScale _scale;

    // TAI Unix-style ns at which frame F = 0 starts: GPS epoch (315 964 800 s UTC = +19 s TAI) + α + β·10 ms.
    private readonly long _originTaiNs;

    public AirTimeClock(int numerology, CyclicPrefix cyclicPrefix = CyclicPrefix.Normal,
        TimeScale timeScale = TimeScale.Utc, FrameAlignment alignment = default)
    {
        if (!Enum.IsDefined(timeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "unknown time scale");
        }

        _timing = SymbolTiming.For(numerology, cyclicPrefix);
        _slotsPerSubframe = _timing.SlotsPerSubframe;
        _symbolsPerSlot = _timing.SymbolsPerSlot;
        _scale = timeScale;
        Alignment = alignment;
        _originTaiNs = ((TimeScales.GpsEpochUnixSeconds + TimeScales.TaiMinusGpsSeconds) * 1_000_000_000L)
            + alignment.TotalNs;
    }

    public SymbolTiming Timing => _timing;

    /// <summary>The scale of packet timestamps in, and of air times out.</summary>
    public TimeScale TimeScale => _scale;

    public FrameAlignment Alignment { get; }

    /// <summary>Checks the message fields against this numerology without a timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AirTimeStatus Validate(int frameId, int subframeId, int slotId, int symbol)
    {
        if ((uint)frameId > 255)
        {
            return AirTimeStatus.FrameIdOutOfRange;
        }

        if ((uint)subframeId >= SubframesPerFrame)
        {
            return AirTimeStatus.SubframeOutOfRange;
        }

        if ((uint)slotId >= (uint)_slotsPerSubframe)
        {
            return AirTimeStatus.SlotOutOfRange;
        }

        return (uint)symbol >= (uint)_symbolsPerSlot ? AirTimeStatus.SymbolOutOfRange : AirTimeStatus.Ok;
    }

    /// <summary>
    /// Resolves the frame of a message received or sent at <paramref name="packetTimestampNs"/> (on
    /// <see cref="TimeScale"/>) and returns its air time and offset; <paramref name="airTime"/> is default unless Ok.
    /// </summary>
    public AirTimeStatus Resolve(int frameId, int subframeId, int slotId, int symbol, long packetTimestampNs,
        out AirTime airTime)
    {
        var status = Validate(frameId, subframeId, slotId, symbol);
        if (status == AirTimeStatus.Ok && (packetTimestampNs < MinTimestampNs || packetTimestampNs >= MaxTimestampNs))
        {
            status = AirTimeStatus.TimestampOutOfRange;
        }

        if (status != AirTimeStatus.Ok)
        {
            airTime = default;
            return status;
        }

        long packetTai = ToTai(packetTimestampNs);
        long candidateTai = _originTaiNs + (frameId * NrTime.NanosecondsPerFrame)
            + (subframeId * NrTime.NanosecondsPerSubframe)
            + _timing.StartNsUnchecked((slotId * _symbolsPerSlot) + symbol);

        // wraps = floor((packet − candidate + 1.28 s) / 2.56 s): the candidate shifted by whole wraps nearest the packet.
        long shifted = packetTai - candidateTai + HalfWrapNs;
        long wraps = shifted / FrameIdWrapNs;
        long remainder = shifted - (wraps * FrameIdWrapNs);
        if (remainder < 0)
        {
            wraps--;
            remainder += FrameIdWrapNs;
        }

        long offset = remainder - HalfWrapNs;
        airTime = new AirTime((wraps * 256) + frameId, FromTai(packetTai - offset), offset);
        return AirTimeStatus.Ok;
    }

    /// <summary>The air time (on <see cref="TimeScale"/>) of a message, false when a field or the timestamp is out of range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TrySymbolStart(int frameId, int subframeId, int slotId, int symbol, long packetTimestampNs,
        out long airTimeNs)
    {
        var ok = Resolve(frameId, subframeId, slotId, symbol, packetTimestampNs, out var airTime) == AirTimeStatus.Ok;
        airTimeNs = airTime.TimeNs;
        return ok;
    }

    /// <summary>Packet timestamp − air time in ns, false when a field or the timestamp is out of range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryOffset(int frameId, int subframeId, int slotId, int symbol, long packetTimestampNs, out long offsetNs)
    {
        var ok = Resolve(frameId, subframeId, slotId, symbol, packetTimestampNs, out var airTime) == AirTimeStatus.Ok;
        offsetNs = airTime.OffsetNs;
        return ok;
    }

    /// <summary>
    /// The air time (on <see cref="TimeScale"/>) of a symbol of a known frame F: the forward direction, for emulators
    /// and tests that place packets relative to air time. Throws on out-of-range fields.
    /// </summary>
    public long SymbolStart(long frame, int subframeId, int slotId, int symbol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subframeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(subframeId, SubframesPerFrame);
        long tai = _originTaiNs + (frame * NrTime.NanosecondsPerFrame) + (subframeId * NrTime.NanosecondsPerSubframe)
            + _timing.SymbolStartNs(slotId, symbol);
        return FromTai(tai);
    }

    /// <summary>The frame F in progress at a timestamp on <see cref="TimeScale"/>.</summary>
    public long FrameAt(long timestampNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampNs, MinTimestampNs);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(timestampNs, MaxTimestampNs);
        return NrTime.FloorDivide(ToTai(timestampNs) - _originTaiNs, NrTime.NanosecondsPerFrame);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ToTai(long timestampNs) => _scale switch
    {
        TimeScale.Utc => timestampNs + (LeapSeconds.TaiMinusUtcAtUtcUnchecked(timestampNs) * 1_000_000_000L),
        TimeScale.Tai => timestampNs,
        _ => timestampNs + TimeScales.TaiMinusGpsNs,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long FromTai(long taiNs) => _scale switch
    {
        TimeScale.Utc => taiNs - (LeapSeconds.TaiMinusUtcAtTaiUnchecked(taiNs) * 1_000_000_000L),
        TimeScale.Tai => taiNs,
        _ => taiNs - TimeScales.TaiMinusGpsNs,
    };
}
