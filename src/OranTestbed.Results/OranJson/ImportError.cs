namespace OranTestbed.Results.OranJson;

/// <summary>Why an O-RAN results document was refused: <see cref="Location"/> is the JSON pointer of the failing value (RFC 6901; "" is the
/// document) and what is wrong there.</summary>
public sealed record ImportError(string Location, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Message}";
}
