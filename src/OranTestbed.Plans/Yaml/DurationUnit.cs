namespace OranTestbed.Plans.Yaml;

/// <summary>The units a duration may be written in (<see cref="DurationText"/>).</summary>
public enum DurationUnit
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}
