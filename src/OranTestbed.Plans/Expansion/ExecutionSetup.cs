using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans.Expansion;

/// <summary>The setting of executions: an operator profile in one of its bands, with the fronthaul and IOT profile it runs there.</summary>
public sealed record ExecutionSetup(OperatorProfile Operator, Band Band, NamedFronthaulProfile FronthaulProfile, IotProfile IotProfile);
