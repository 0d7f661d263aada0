namespace OranTestbed.Plans.Loading;

/// <summary>The kinds of plan items that have ids and are referred to from other files.</summary>
internal enum PlanItemKind
{
    Vendor,
    Product,
    Bench,
    Band,
    Operator,
    IotProfile,
    TestCase,
    Campaign,
    FronthaulProfile,
}
