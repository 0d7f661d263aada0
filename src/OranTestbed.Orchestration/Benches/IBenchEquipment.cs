using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Benches;

/// <summary>
/// Builds a bench's equipment for an execution: emulated products get emulator drivers and the emulator's tap, real
/// products command-line drivers and the bench's live capture interface.
/// </summary>
public interface IBenchEquipment
{
    BenchSession Prepare(Bench bench, Execution execution, string evidenceDirectory);
}
