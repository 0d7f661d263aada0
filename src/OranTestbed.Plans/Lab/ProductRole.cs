namespace OranTestbed.Plans.Lab;

/// <summary>What a product is in the O-RAN split (names in files: <c>o-du</c>, <c>o-ru</c>, <c>o-cu</c>).</summary>
public enum ProductRole
{
    /// <summary>O-RAN Distributed Unit: the fronthaul's C-plane and DL U-plane source.</summary>
    ODu,

    /// <summary>O-RAN Radio Unit: the other end of the fronthaul.</summary>
    ORu,

    /// <summary>O-RAN Central Unit: needed (with a core) by the cases that bring a cell on air or carry user traffic.</summary>
    OCu,
}
