using System.Collections.Frozen;
using System.Collections.Immutable;
using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans;

/// <summary>
/// A validated plan directory (<c>testplans/</c>): the lab inventory, bands, IOT profiles and case library, fronthaul
/// profiles, operator profiles and campaigns, every reference between them resolved. Load it with
/// <see cref="TestPlanLoader"/>; expand a campaign with <see cref="Expansion.CampaignExpander"/>.
/// </summary>
public sealed record TestPlan
{
    private readonly FrozenDictionary<string, Band> _bands;
    private readonly FrozenDictionary<string, OperatorProfile> _operators;
    private readonly FrozenDictionary<string, IotProfile> _iotProfiles;
    private readonly FrozenDictionary<string, TestCase> _cases;
    private readonly FrozenDictionary<string, Campaign> _campaigns;
    private readonly FrozenDictionary<string, NamedFronthaulProfile> _fronthaulProfiles;

    public TestPlan(string root, LabInventory lab, ImmutableArray<Band> bands, ImmutableArray<IotProfile> iotProfiles,
        ImmutableArray<TestCase> cases, ImmutableArray<NamedFronthaulProfile> fronthaulProfiles,
        ImmutableArray<OperatorProfile> operators, ImmutableArray<Campaign> campaigns)
    {
        Root = root;
        Lab = lab;
        Bands = bands;
        IotProfiles = iotProfiles;
        Cases = cases;
        FronthaulProfiles = fronthaulProfiles;
        Operators = operators;
        Campaigns = campaigns;
        _bands = bands.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);
        _operators = operators.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);
        _iotProfiles = iotProfiles.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _cases = cases.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _campaigns = campaigns.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _fronthaulProfiles = fronthaulProfiles.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The plan directory as it was given.</summary>
    public string Root { get; }

    public LabInventory Lab { get; }

    public ImmutableArray<Band> Bands { get; }

    public ImmutableArray<IotProfile> IotProfiles { get; }

    /// <summary>The case library in file order (files by name, cases as written).</summary>
    public ImmutableArray<TestCase> Cases { get; }

    public ImmutableArray<NamedFronthaulProfile> FronthaulProfiles { get; }

    public ImmutableArray<OperatorProfile> Operators { get; }

    public ImmutableArray<Campaign> Campaigns { get; }

    public Band? FindBand(string id) => _bands.GetValueOrDefault(id);

    public OperatorProfile? FindOperator(string id) => _operators.GetValueOrDefault(id);

    public IotProfile? FindIotProfile(string name) => _iotProfiles.GetValueOrDefault(name);

    public TestCase? FindCase(string id) => _cases.GetValueOrDefault(id);

    public Campaign? FindCampaign(string id) => _campaigns.GetValueOrDefault(id);

    public NamedFronthaulProfile? FindFronthaulProfile(string name) => _fronthaulProfiles.GetValueOrDefault(name);
}
