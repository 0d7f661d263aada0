using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OranTestbed.Benchmarks.Reporting;

/// <summary>
/// Operations per second (frames/s for the frame benchmarks) and GB/s (10^9 bytes/s, as line rates are quoted) from
/// the mean time per operation. The bytes per operation come from the benchmark itself: the host process creates an
/// instance, sets the parameters, runs its [GlobalSetup] and asks <see cref="IThroughputBenchmark.BytesPerOperation"/>
/// (the data sets are deterministic, so the host sees the same bytes the measured process did).
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, double> BytesCache = new();
    private readonly bool _gigabytes;

    private ThroughputColumn(bool gigabytes)
    {
        _gigabytes = gigabytes;
    }

    public static IColumn OperationsPerSecond { get; } = new ThroughputColumn(false);

    public static IColumn GigabytesPerSecond { get; } = new ThroughputColumn(true);

    public string Id => _gigabytes ? "GB/s" : "Mops/s";

    public string ColumnName => _gigabytes ? "GB/s" : "Mops/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _gigabytes ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _gigabytes
        ? "Bytes processed per second / 10^9 (frame or section bytes / mean time per operation)"
        : "Operations (frames, sections) per second / 10^6";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        double? meanNs = report?.ResultStatistics?.Mean;
        if (meanNs is not > 0)
        {
            return "-";
        }

        var inv = CultureInfo.InvariantCulture;
        if (!_gigabytes)
        {
            return (1e3 / meanNs.Value).ToString("F3", inv);
        }

        double bytes = BytesFor(benchmarkCase);
        return bytes > 0 ? (bytes / meanNs.Value).ToString("F2", inv) : "-";
    }

    private static double BytesFor(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (!typeof(IThroughputBenchmark).IsAssignableFrom(type))
        {
            return 0;
        }

        string key = benchmarkCase.Descriptor.WorkloadMethod.Name + "|" + benchmarkCase.Parameters.DisplayInfo + "|" + type.FullName;
        return BytesCache.GetOrAdd(key, _ =>
        {
            var instance = (IThroughputBenchmark)Activator.CreateInstance(type)!;
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
                type.GetField(parameter.Name)?.SetValue(instance, parameter.Value);
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<GlobalSetupAttribute>() is not null)
                {
                    method.Invoke(instance, null);
                }
            }

            double bytes = instance.BytesPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name);
            (instance as IDisposable)?.Dispose();
            return bytes;
        });
    }

    public override string ToString() => ColumnName;
}
