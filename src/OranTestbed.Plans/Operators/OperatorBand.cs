namespace OranTestbed.Plans.Operators;

/// <summary>A band an operator deploys, with the fronthaul profile (<c>profiles/NAME.yaml</c>) and IOT profile it runs there.</summary>
public sealed record OperatorBand(string BandId, string FronthaulProfile, string IotProfile);
