namespace OranTestbed.Plans.Lab;

/// <summary>How the orchestrator drives a product: <see cref="EmulatedDriver"/> or <see cref="CommandLineDriver"/>.</summary>
public abstract record DeviceDriver;
