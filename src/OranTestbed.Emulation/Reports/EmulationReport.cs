using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Reports;

/// <summary>
/// What an emulation produced: frame counts per node, the time span at the tap, the windows each node sent in, the
/// O-RU's reception counters and, per declared defect, what it injected (in the unit of the finding it causes).
/// </summary>
public sealed record EmulationReport(
    string Profile,
    string Du,
    string Ru,
    ulong Seed,
    CaptureTap Tap,
    long Frames,
    long Bytes,
    long DuFrames,
    long RuFrames,
    long PtpFrames,
    long FirstTimestampNanoseconds,
    long LastTimestampNanoseconds,
    long Slots,
    TransmitWindowsReport Windows,
    ReceptionCounters RuCounters,
    ImmutableArray<DefectTally> Defects)
{
    /// <summary>The tally of one defect kind, or null when neither personality declares it.</summary>
    public DefectTally? DefectOf(DefectKind kind)
    {
        foreach (var tally in Defects)
        {
            if (tally.Kind == kind)
            {
                return tally;
            }
        }

        return null;
    }
}
