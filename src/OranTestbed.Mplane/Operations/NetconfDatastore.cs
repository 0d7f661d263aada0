namespace OranTestbed.Mplane.Operations;

/// <summary>RFC 6241 §5.1 configuration datastores (candidate needs :candidate, startup needs :startup).</summary>
public enum NetconfDatastore
{
    Running,
    Candidate,
    Startup,
}
