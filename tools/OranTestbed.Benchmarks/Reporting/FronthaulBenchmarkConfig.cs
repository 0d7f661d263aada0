using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace OranTestbed.Benchmarks.Reporting;

/// <summary>
/// Every benchmark here: allocations per operation ([MemoryDiagnoser]: the readers must show 0 B), operations/s and
/// GB/s columns, and a job short enough for a shared 2-core machine (1 launch, 4 warm-ups, 12 measured iterations).
/// </summary>
public sealed class FronthaulBenchmarkConfig : ManualConfig
{
    public FronthaulBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(12));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(ThroughputColumn.OperationsPerSecond, ThroughputColumn.GigabytesPerSecond);
        AddColumn(StatisticColumn.Median);
    }
}
