namespace OranTestbed.Results.OranJson;

/// <summary>
/// The laboratory an O-RAN results document names (the schema requires a lab with an address and at least one contact
/// with an e-mail address). Used when the exported runs carry no lab of their own (runs imported from a document keep
/// theirs).
/// </summary>
public sealed record OranExportOptions
{
    public static readonly OranExportOptions Default = new();

    public string LabName { get; init; } = "OranTestbed lab";

    public string LabAddress { get; init; } = "not given";

    public string ContactFirstName { get; init; } = "Test";

    public string ContactLastName { get; init; } = "Lab";

    public string ContactEmail { get; init; } = "lab@example.org";
}
