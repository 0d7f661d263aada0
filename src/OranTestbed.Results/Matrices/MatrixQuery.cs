namespace OranTestbed.Results.Matrices;

/// <summary>Which matrices to build: a band, an operator profile, an O-CU (<c>none</c> = pairs without one); null = all.</summary>
public sealed record MatrixQuery
{
    public static readonly MatrixQuery All = new();

    public string? Band { get; init; }

    public string? OperatorProfile { get; init; }

    public string? OCu { get; init; }

    public const string NoOCu = Model.ExecutionFilter.NoProduct;
}
