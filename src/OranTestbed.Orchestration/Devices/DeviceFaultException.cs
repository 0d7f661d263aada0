namespace OranTestbed.Orchestration.Devices;

/// <summary>A device step failed: the product, the step and why (exit code, timeout, garbage output...).</summary>
public sealed class DeviceFaultException : Exception
{
    public DeviceFaultException()
        : this(string.Empty, string.Empty, "device fault")
    {
    }

    public DeviceFaultException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    public DeviceFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        ProductId = string.Empty;
        Step = string.Empty;
    }

    public DeviceFaultException(string productId, string step, string message, Exception? innerException = null)
        : base($"{productId}: {step} failed: {message}", innerException)
    {
        ProductId = productId;
        Step = step;
    }

    public string ProductId { get; }

    /// <summary>The lifecycle step (open, configure, start, stop, read-counters, close, health).</summary>
    public string Step { get; }

    /// <summary>The device says the failure is temporary (a command's exit code 75, EX_TEMPFAIL of sysexits.h): the
    /// step is worth repeating, within the test run's budget, before it counts as a device fault.</summary>
    public bool Transient { get; init; }
}
