namespace OranTestbed.Benchmarks.Generation;

/// <summary>Receives generated frames in timestamp order; the span is valid only during the call.</summary>
public delegate void FrameSink(ReadOnlySpan<byte> frame, long timestampNanoseconds);
