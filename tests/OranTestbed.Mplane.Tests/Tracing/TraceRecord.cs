namespace OranTestbed.Mplane.Tests.Tracing;

/// <summary>One record of a trace file: when, which way (<c>&gt;&gt;</c>, <c>&lt;&lt;</c>, <c>--</c>), kind and details, body.</summary>
internal sealed record TraceRecord(DateTimeOffset Time, string Direction, string Header, string Body)
{
    public string Line => $"{Direction} {Header}";
}
