using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Orchestration.Capture;

/// <summary>One capture step: the profile to judge against, where the tap is, how long, where the evidence goes.</summary>
public sealed record CaptureRequest(FronthaulProfile Profile, CaptureTap? Tap, TimeSpan Duration, string EvidenceDirectory,
    bool AnalyzeIq);
