namespace OranTestbed.Benchmarks.Generation;

/// <summary>TDD slot direction in the DDDSU pattern.</summary>
public enum SlotKind
{
    Downlink,
    Special,
    Uplink,
}
