namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>One SE5 set: mcScaleReMask (12 bits), csf, mcScaleOffset (15 bits).</summary>
public readonly record struct ModCompScalingSet(ushort McScaleReMask, bool Csf, ushort McScaleOffset);
