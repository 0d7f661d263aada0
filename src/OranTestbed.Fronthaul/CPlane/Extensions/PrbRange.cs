namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>An SE12 frequency range: starts <paramref name="OffStartPrb"/> PRBs after the previous range, <paramref name="NumPrb"/> long.</summary>
public readonly record struct PrbRange(byte OffStartPrb, byte NumPrb);
