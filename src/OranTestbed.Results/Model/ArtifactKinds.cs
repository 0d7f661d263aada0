namespace OranTestbed.Results.Model;

/// <summary>Names of <see cref="ArtifactKind"/>s in the database and in exports.</summary>
public static class ArtifactKinds
{
    public static string ToName(this ArtifactKind kind) => kind switch
    {
        ArtifactKind.Capture => "capture",
        ArtifactKind.AnalysisReport => "analysis-report",
        ArtifactKind.Log => "log",
        _ => "other",
    };

    public static ArtifactKind Parse(string? name) => name switch
    {
        "capture" => ArtifactKind.Capture,
        "analysis-report" => ArtifactKind.AnalysisReport,
        "log" => ArtifactKind.Log,
        _ => ArtifactKind.Other,
    };
}
