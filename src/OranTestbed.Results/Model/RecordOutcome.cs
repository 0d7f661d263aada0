namespace OranTestbed.Results.Model;

/// <summary>What recording an execution did. Results are evidence: a stored execution is never overwritten, except an
/// ABORTED one (it did not finish: no result), which a later result of the same run and execution replaces.</summary>
public enum RecordOutcome
{
    /// <summary>Newly stored (in place of an ABORTED attempt, if one was stored).</summary>
    Stored,

    /// <summary>The same result was stored before (a resume or a retried call): nothing changed.</summary>
    AlreadyStored,

    /// <summary>A different result for the same run and execution is stored: kept, the new one is refused.</summary>
    Conflict,
}
