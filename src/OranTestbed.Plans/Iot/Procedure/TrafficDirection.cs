namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>Which way traffic flows (<c>dl</c>, <c>ul</c>, <c>both</c>).</summary>
public enum TrafficDirection
{
    Downlink,
    Uplink,
    Both,
}
