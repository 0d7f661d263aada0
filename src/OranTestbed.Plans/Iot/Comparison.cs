namespace OranTestbed.Plans.Iot;

/// <summary>How a measurement is compared with a threshold: <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>&gt;=</c>, <c>&gt;</c>.</summary>
public enum Comparison
{
    Less,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    Greater,
}
