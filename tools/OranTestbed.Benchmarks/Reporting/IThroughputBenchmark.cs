namespace OranTestbed.Benchmarks.Reporting;

/// <summary>
/// A benchmark whose operation processes a known number of bytes (a frame, a section), so that
/// <see cref="ThroughputColumn"/> can show operations/s and GB/s next to the mean.
/// </summary>
public interface IThroughputBenchmark
{
    /// <summary>Bytes one operation of <paramref name="benchmarkMethod"/> processes, after the [GlobalSetup] ran.</summary>
    double BytesPerOperation(string benchmarkMethod);
}
