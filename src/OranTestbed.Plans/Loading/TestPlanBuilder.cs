using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Operators;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Loading;

/// <summary>The items loaded so far (each id once, in file order), for the checks that run across files.</summary>
internal sealed class TestPlanBuilder
{
    public List<Vendor> Vendors { get; } = [];

    public Dictionary<string, Product> Products { get; } = new(StringComparer.Ordinal);

    public List<Bench> Benches { get; } = [];

    public List<Band> Bands { get; } = [];

    public Dictionary<string, Band> BandsById { get; } = new(StringComparer.Ordinal);

    public List<OperatorProfile> Operators { get; } = [];

    public Dictionary<string, OperatorProfile> OperatorsById { get; } = new(StringComparer.Ordinal);

    public List<IotProfile> IotProfiles { get; } = [];

    public Dictionary<string, IotProfile> IotProfilesByName { get; } = new(StringComparer.Ordinal);

    public List<TestCase> Cases { get; } = [];

    public Dictionary<string, TestCase> CasesById { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each case's depends-on entries are written, for the cycle check.</summary>
    public Dictionary<string, List<Located<string>>> CaseDependencies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlanErrors> CaseErrors { get; } = new(StringComparer.Ordinal);

    public List<Campaign> Campaigns { get; } = [];

    public List<NamedFronthaulProfile> FronthaulProfiles { get; } = [];

    public Dictionary<string, NamedFronthaulProfile> FronthaulProfilesByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Personality files the emulated products need, checked when the plan has a personalities directory.</summary>
    public List<(string ProductId, string RelativePath, Located<string> At, PlanErrors Errors)> Personalities { get; } = [];
}
