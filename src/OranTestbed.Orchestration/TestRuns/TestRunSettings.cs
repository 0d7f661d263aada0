namespace OranTestbed.Orchestration.TestRuns;

/// <summary>Timeouts of a test run.</summary>
public sealed record TestRunSettings
{
    /// <summary>Longest a device call (open, configure, start, ...) may take; a capture gets its duration on top.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Between health probes of a wait-for step.</summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many transient device faults (<see cref="Devices.DeviceFaultException.Transient"/>) one attempt may
    /// absorb by repeating the step; the next one is a device fault.</summary>
    public int TransientFaultBudget { get; init; } = 3;

    /// <summary>Wait before repeating a step after a transient fault; doubled at each repetition of the same step.</summary>
    public TimeSpan TransientBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Consecutive device faults after which a bench is taken out of service.</summary>
    public int MaxConsecutiveDeviceFaults { get; init; } = 3;

    /// <summary>Longest a whole attempt may take: twice the case's expected duration plus four step timeouts.</summary>
    public TimeSpan ExecutionTimeout(TimeSpan expected) => (2 * expected) + (4 * StepTimeout);
}
