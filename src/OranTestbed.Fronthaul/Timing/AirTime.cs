namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// A message's resolved air time.
/// </summary>
/// <param name="Frame">F: radio frames since the grid origin (GPS epoch + α + β·10 ms); frameId = F mod 256.</param>
/// <param name="TimeNs">Start of the symbol (first sample of its cyclic prefix) on the capture's time scale,
/// Unix-style nanoseconds.</param>
/// <param name="OffsetNs">Packet timestamp − air time, in elapsed nanoseconds (negative = before air time), always in
/// [−1.28 s, +1.28 s).</param>
public readonly record struct AirTime(long Frame, long TimeNs, long OffsetNs)
{
    /// <summary>System frame number, F mod 1024.</summary>
    public int Sfn => (int)(Frame & 1023);

    /// <summary>frameId, F mod 256.</summary>
    public int FrameId => (int)(Frame & 255);
}
