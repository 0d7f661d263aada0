namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// One result of <see cref="DelayManagement.CheckConsistency"/>: an error (the profile contradicts itself, e.g. a min
/// above its max) or information (a relation O-RAN.WG4.CUS expects only approximately). <see cref="Parameter"/> is the
/// leaf the message is about, so a loader can point at it.
/// </summary>
public sealed record DelayConsistencyFinding(DelayParameter Parameter, bool IsError, string Message);
