namespace OranTestbed.Emulation.Live;

/// <summary>The running counts of a send loop (a mutable value on the loop's stack: nothing allocated per frame).</summary>
internal struct LiveSendTally
{
    private long _frames;
    private long _bytes;
    private long _maxLateNs;
    private long _late;

    /// <summary>Frames sent so far (the next frame's number is one more).</summary>
    public readonly long Frames => _frames;

    public void Sent(int length, long latenessNs)
    {
        _frames++;
        _bytes += length;
        _maxLateNs = Math.Max(_maxLateNs, latenessNs);
        _late += latenessNs > LiveSendStatistics.LateThresholdNs ? 1 : 0;
    }

    public readonly LiveSendStatistics ToStatistics() => new(_frames, _bytes, _maxLateNs, _late);
}
