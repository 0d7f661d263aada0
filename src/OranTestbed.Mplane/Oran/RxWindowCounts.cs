using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// One <c>measurement-result-stats</c> report of the O-RU's reception windows (o-ran-performance-management): the count
/// per measurement object (RX_ON_TIME, RX_EARLY, RX_LATE, …) over <see cref="Start"/>..<see cref="End"/>, summed over
/// whatever unit the O-RU reports in (RU, transport flow or eAxC).
/// </summary>
public sealed record RxWindowCounts(DateTimeOffset? Start, DateTimeOffset? End, ImmutableSortedDictionary<string, long> Counts)
{
    /// <summary>The counts of a <c>measurement-result-stats</c> notification, or null when it carries no rx-window-stats.</summary>
    public static RxWindowCounts? Read(XElement notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var pm = OranNamespaces.PerformanceManagement;
        var stats = notification.DescendantsAndSelf(pm + "rx-window-stats").ToList();
        if (stats.Count == 0)
        {
            return null;
        }

        var counts = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        DateTimeOffset? start = null, end = null;
        foreach (var stat in stats)
        {
            string? measured = stat.Element(pm + "measurement-object")?.Value;
            if (measured is null)
            {
                continue;
            }

            long total = stat.Descendants(pm + "count").Sum(c => long.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture));
            counts[measured] = counts.GetValueOrDefault(measured) + total;
            start ??= Time(stat.Element(pm + "start-time"));
            end ??= Time(stat.Element(pm + "end-time"));
        }

        return new RxWindowCounts(start, end, counts.ToImmutable());
    }

    private static DateTimeOffset? Time(XElement? element) =>
        element is null ? null : DateTimeOffset.Parse(element.Value, CultureInfo.InvariantCulture);
}
