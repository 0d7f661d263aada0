namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>An SE13 entry: from symbol <paramref name="NextSymbolId"/> the section starts at PRB <paramref name="NextStartPrbc"/>.</summary>
public readonly record struct FrequencyHop(byte NextSymbolId, ushort NextStartPrbc, byte Reserved = 0);
