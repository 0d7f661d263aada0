using System.Collections.Immutable;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Emulation.Nodes;
using OranTestbed.Emulation.Reports;
using OranTestbed.Emulation.Scheduling;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation;

/// <summary>
/// An emulated O-DU and O-RU joined by a link, seen at one tap, as a time-ordered <see cref="IFrameSource"/>: the
/// O-DU's C-plane, DL U-plane and PTP, and the O-RU's UL U-plane answering the C-plane it received. At the O-RU tap
/// the O-DU's frames are stamped when they arrive (send + T12) and the O-RU's when they leave; at the O-DU tap the
/// reverse (O-RU's + T34). The O-RU receives each O-DU frame as it arrives and decodes its C-plane, so its answers
/// and reception counters come from the bytes on the wire. Deterministic: no wall clock, one seeded generator per
/// stream. Allocation-free per frame once warm (U-plane frames are patched templates).
/// </summary>
public sealed class PairEmulation : IFrameSource
{
    private readonly EmulationContext _context;
    private readonly DuEmulator _du;
    private readonly RuEmulator _ru;
    private readonly PtpGrandmaster _ptp;
    private readonly long _duTapOffset;
    private readonly long _ruTapOffset;
    private long _frames;
    private long _bytes;
    private long _first = -1;
    private long _last = -1;

    public PairEmulation(EmulationOptions options)
        : this(options, null)
    {
    }

    internal PairEmulation(EmulationOptions options, TimeScale? timeScale)
    {
        _context = new EmulationContext(options, timeScale);
        _du = new DuEmulator(_context);
        _ru = new RuEmulator(_context);
        _ptp = new PtpGrandmaster(_context, _du.Ledger);
        _duTapOffset = _context.Tap == CaptureTap.Ru ? _context.T12 : 0;
        _ruTapOffset = _context.Tap == CaptureTap.Du ? _context.T34 : 0;
    }

    public EmulationOptions Options => _context.Options;

    /// <summary>Air time of the first emulated slot (a radio frame start).</summary>
    public long StartNanoseconds => _context.StartNs;

    /// <summary>Air time just after the last emulated slot.</summary>
    public long EndNanoseconds => _context.EndNs;

    public long Frames => _frames;

    public long Bytes => _bytes;

    /// <summary>The O-RU's reception counters so far.</summary>
    public ReceptionCounters RuCounters => _ru.Counters;

    /// <summary>
    /// The O-RU's reception counters per measurement interval (whole seconds of the emulation's clock, by the arrival of
    /// each message at the O-RU): what its rx-window reports (<c>measurement-result-stats</c>) carry. Together they sum
    /// to <see cref="RuCounters"/>' window counts.
    /// </summary>
    public ImmutableArray<IntervalReceptionCounters> RuIntervals => _ru.Counter.BuildIntervals();

    /// <summary>An emulation delivers every frame it makes.</summary>
    public CaptureCompleteness Completeness => CaptureCompleteness.Whole;

    public bool TryReadNext(out CapturedFrame frame)
    {
        bool du = _du.TryPeek(long.MaxValue, out long duSend);
        long duTap = duSend + _duTapOffset;
        bool ru = _ru.TryPeek(du ? duSend + _context.T12 : long.MaxValue, out long ruSend);
        long ruTap = ruSend + _ruTapOffset;
        bool ptp = _ptp.TryPeek(out long ptpSend);
        long ptpTap = ptpSend + _duTapOffset;
        if (!du && !ru && !ptp)
        {
            frame = default;
            return false;
        }

        long number = _frames + 1;
        ReadOnlySpan<byte> data;
        long timestamp;
        if (du && (!ptp || duTap <= ptpTap) && (!ru || duTap <= ruTap))
        {
            data = _du.Emit(number, _duTapOffset, out var message);
            timestamp = duTap;
            long arrival = message.SendNs + _context.T12;
            if (message.Kind == BurstKind.UPlane)
            {
                _ru.ObserveDownlinkUPlane(message.Eaxc, message.AirNs, arrival);
            }
            else
            {
                _ru.Receive(data, arrival, number, timestamp);
            }
        }
        else if (ptp && (!ru || ptpTap <= ruTap))
        {
            data = _ptp.Emit(number, _duTapOffset, out long send);
            timestamp = send + _duTapOffset;
        }
        else
        {
            data = _ru.Emit(number, _ruTapOffset, out var message);
            timestamp = message.SendNs + _ruTapOffset;
        }

        _frames = number;
        _bytes += data.Length;
        if (_first < 0)
        {
            _first = timestamp;
        }

        _last = timestamp;
        frame = new CapturedFrame(data, timestamp, data.Length, number);
        return true;
    }

    /// <summary>What was emulated so far (call at the end for the whole run).</summary>
    public EmulationReport BuildReport()
    {
        var windows = new TransmitWindowsReport(_du.Windows.DlCPlane, _du.Windows.UlCPlane, _du.Windows.DlUPlane,
            _ru.Windows.UlUPlane);
        ImmutableArray<DefectTally> defects =
        [
            .. _du.Ledger.Build(_context.Options.Du, _context.Tap), .. _ru.Ledger.Build(_context.Options.Ru, _context.Tap),
        ];
        return new EmulationReport(_context.Profile.Name, _context.Options.Du.Id, _context.Options.Ru.Id,
            _context.Options.Seed, _context.Tap, _frames, _bytes, _du.FramesSent, _ru.FramesSent, _ptp.MessagesSent,
            _first, _last, _context.SlotCount, windows, _ru.Counters, defects);
    }
}
