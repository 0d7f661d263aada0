namespace OranTestbed.Analysis.Sequence;

/// <summary>
/// What <see cref="SequenceTracker.Observe"/> found for one message or fragment: the outcome, how many messages it
/// revealed as missing, whether it was a late arrival of a message previously counted missing (which is then no
/// longer counted lost), and how many fragmented messages it revealed as incomplete (0..2).
/// </summary>
public readonly record struct SequenceObservation(
    SequenceOutcome Outcome, int Lost, bool LostRetracted, int FragmentsIncomplete);
