using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Reports;

/// <summary>Counts a node's injections per defect kind while traffic flows (no allocation after the first examples).</summary>
internal sealed class DefectLedger
{
    private static readonly int Kinds = Enum.GetValues<DefectKind>().Length;

    private readonly long[] _counts = new long[Kinds];
    private readonly long[] _events = new long[Kinds];
    private readonly List<DefectExample>[] _examples = new List<DefectExample>[Kinds];

    public DefectLedger(NodeRole node)
    {
        Node = node;
        for (int i = 0; i < Kinds; i++)
        {
            _examples[i] = [];
        }
    }

    public NodeRole Node { get; }

    /// <summary>Adds <paramref name="count"/> finding units of <paramref name="kind"/> caused by one frame.</summary>
    public void Record(DefectKind kind, long count, long frameNumber, long timestampNs)
    {
        _counts[(int)kind] += count;
        var examples = _examples[(int)kind];
        if (examples.Count < DefectTally.MaxExamples)
        {
            examples.Add(new DefectExample(frameNumber, timestampNs));
        }
    }

    /// <summary>One injection (a gap, a burst, a withheld message, a degradation).</summary>
    public void Event(DefectKind kind) => _events[(int)kind]++;

    /// <summary>One tally per defect the personality declares, zero when it never struck.</summary>
    public ImmutableArray<DefectTally> Build(Personality personality, CaptureTap tap)
    {
        var tallies = ImmutableArray.CreateBuilder<DefectTally>(personality.Defects.Length);
        foreach (var defect in personality.Defects)
        {
            int k = (int)defect.Kind;
            tallies.Add(new DefectTally(defect.Kind, Node, DefectFindings.RuleId(defect.Kind, Node, tap), _counts[k],
                _events[k], [.. _examples[k]]));
        }

        return tallies.MoveToImmutable();
    }
}
