namespace OranTestbed.Orchestration.Capture;

/// <summary>
/// Where a bench's fronthaul is seen: a live interface watched with SharpPcap, or the emulator's in-process stream.
/// A capture streams every frame into the analyzer as it arrives (no file round trip) and keeps the frames as a
/// capture file in the execution's evidence folder.
/// </summary>
public interface IFronthaulTap
{
    Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken);
}
