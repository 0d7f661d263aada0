namespace OranTestbed.Plans.Bands;

/// <summary>Where a band is deployed; operators test the same products differently in a city and in the countryside.</summary>
public enum UsageEnvironment
{
    DenseUrban,
    Urban,
    Suburban,
    Rural,
    Indoor,
    Industrial,
}
