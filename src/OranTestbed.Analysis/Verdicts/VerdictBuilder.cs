using System.Collections.Immutable;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// Accumulates a verdict the OpenTAP way: steps only ever call <see cref="UpgradeVerdict"/>, which keeps the most
/// severe verdict, each with a reason. <see cref="Build"/> returns the verdict with the reasons given at its level, in
/// the order they were given, so the reasons explain the verdict rather than list everything that happened.
/// </summary>
public sealed class VerdictBuilder
{
    private readonly List<(Verdict Verdict, string Reason)> _reasons = [];
    private readonly List<string> _context = [];

    public Verdict Current { get; private set; } = Verdict.NotSet;

    /// <summary>Raises the verdict to <paramref name="verdict"/> if that is more severe, and records why.</summary>
    public VerdictBuilder UpgradeVerdict(Verdict verdict, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Current = Current.Combine(verdict);
        _reasons.Add((verdict, reason));
        return this;
    }

    /// <summary>A fact every verdict must start with, whatever its level (e.g. the capture dropped frames).</summary>
    public VerdictBuilder AddContext(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _context.Add(reason);
        return this;
    }

    public VerdictOutcome Build()
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        reasons.AddRange(_context);
        foreach (var (verdict, reason) in _reasons)
        {
            if (verdict == Current && !_context.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        return new VerdictOutcome(Current, reasons.ToImmutable());
    }
}
