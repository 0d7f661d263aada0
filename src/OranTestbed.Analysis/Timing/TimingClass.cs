namespace OranTestbed.Analysis.Timing;

/// <summary>Where a message falls against its window.</summary>
public enum TimingClass : byte
{
    OnTime = 0,
    Early = 1,
    Late = 2,
}
