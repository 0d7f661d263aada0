using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Results.Model;

/// <summary>
/// How an execution ended: the final verdict, the attempts it took (a PASS after a failed attempt is
/// <see cref="Flaky"/>), the reasons for anything but PASS, the bench it ran on, how long it took and when it started.
/// </summary>
public sealed record VerdictRecord(Verdict Verdict, int Attempts, bool Flaky, ImmutableArray<string> Reasons, string Bench,
    TimeSpan Duration)
{
    public DateTimeOffset? StartedAt { get; init; }
}
