namespace OranTestbed.Orchestration.Capture;

/// <summary>The tap of a bench without a capture interface: the scheduler never gives it a case that captures, so a
/// capture here is a broken invariant, reported as such.</summary>
public sealed class NoTap(string benchId) : IFronthaulTap
{
    public Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"bench {benchId} has no capture interface: it runs only cases that capture nothing");
}
