namespace OranTestbed.Server.Limits;

/// <summary>At most <see cref="Permits"/> requests per fixed <see cref="Window"/>, counted per account.</summary>
public sealed record RateLimit(int Permits, TimeSpan Window)
{
    public override string ToString() => $"{Permits} per {Window}";
}
