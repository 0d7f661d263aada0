namespace OranTestbed.Plans.Lab;

/// <summary>What a bench is made of.</summary>
public enum BenchKind
{
    /// <summary>Cabled equipment (real, or emulators running live on the bench's ports); hosts the products it lists.</summary>
    Physical,

    /// <summary>In-process emulators; hosts every product whose driver is <c>emulated</c>.</summary>
    Emulated,
}
