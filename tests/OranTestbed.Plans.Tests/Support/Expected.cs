namespace OranTestbed.Plans.Tests.Support;

/// <summary>Expected values written inline, next to the assertion that uses them (a params array is built per call).</summary>
internal static class Expected
{
    public static T[] Of<T>(params T[] values) => values;
}
