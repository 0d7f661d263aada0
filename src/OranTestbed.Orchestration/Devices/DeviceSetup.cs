using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot.Procedure;

namespace OranTestbed.Orchestration.Devices;

/// <summary>What a device is configured for: the execution (band, fronthaul profile, products), the case's configure
/// step, and the folder where the driver keeps its evidence (command output, logs).</summary>
public sealed record DeviceSetup(Execution Execution, ConfigureStep Step, string BenchId, string EvidenceDirectory);
