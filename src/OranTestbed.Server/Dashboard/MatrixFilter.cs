using Microsoft.AspNetCore.Http;
using OranTestbed.Results.Matrices;

namespace OranTestbed.Server.Dashboard;

/// <summary>The matrix filters of the GET form (band, operator profile, O-CU or <c>none</c>, run); empty = any.</summary>
internal sealed record MatrixFilter(string? Band, string? OperatorProfile, string? OCu, string? Run)
{
    public static MatrixFilter Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new MatrixFilter(Value(request, "band"), Value(request, "operator"), Value(request, "ocu"), Value(request, "run"));
    }

    public MatrixQuery Query => new() { Band = Band, OperatorProfile = OperatorProfile, OCu = OCu };

    public static string? Value(HttpRequest request, string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? value = request.Query[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
