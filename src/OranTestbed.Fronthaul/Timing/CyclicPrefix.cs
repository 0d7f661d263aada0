namespace OranTestbed.Fronthaul.Timing;

/// <summary>NR cyclic prefix (TS 38.211 §4.2, §5.3.1): normal (14 symbols per slot) or extended (12, µ = 2 only).</summary>
public enum CyclicPrefix : byte
{
    Normal = 0,
    Extended = 1,
}
