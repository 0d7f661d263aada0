using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans;

/// <summary>
/// The names plan files use for every enumeration (kebab case, as YANG enumerations read), in one place: the loaders
/// accept exactly these, and JSON and tables print them.
/// </summary>
public static class PlanNames
{
    internal static readonly KeyValuePair<string, ProductRole>[] Roles =
        [new("o-du", ProductRole.ODu), new("o-ru", ProductRole.ORu), new("o-cu", ProductRole.OCu)];

    internal static readonly KeyValuePair<string, OruCategory>[] Categories = [new("A", OruCategory.A), new("B", OruCategory.B)];

    internal static readonly KeyValuePair<string, SyncTopology>[] SyncTopologies =
    [
        new("lls-c1", SyncTopology.LlsC1), new("lls-c2", SyncTopology.LlsC2), new("lls-c3", SyncTopology.LlsC3),
        new("lls-c4", SyncTopology.LlsC4),
    ];

    internal static readonly KeyValuePair<string, MPlaneProfile>[] MPlaneProfiles =
    [
        new("hierarchical-sudo", MPlaneProfile.HierarchicalSudo), new("hybrid-sudo-nms", MPlaneProfile.HybridSudoNms),
        new("hierarchical-sudo-ipv6", MPlaneProfile.HierarchicalSudoIpv6), new("hybrid-sudo-nms-ipv6", MPlaneProfile.HybridSudoNmsIpv6),
    ];

    internal static readonly KeyValuePair<string, LifecycleStep>[] LifecycleSteps =
    [
        new("open", LifecycleStep.Open), new("configure", LifecycleStep.Configure), new("start", LifecycleStep.Start),
        new("stop", LifecycleStep.Stop), new("read-counters", LifecycleStep.ReadCounters), new("close", LifecycleStep.Close),
        new("health", LifecycleStep.Health),
    ];

    internal static readonly KeyValuePair<string, BenchKind>[] BenchKinds =
        [new("physical", BenchKind.Physical), new("emulated", BenchKind.Emulated)];

    internal static readonly KeyValuePair<string, CaptureTap>[] Taps = [new("ru", CaptureTap.Ru), new("du", CaptureTap.Du)];

    internal static readonly KeyValuePair<string, UsageEnvironment>[] Environments =
    [
        new("dense-urban", UsageEnvironment.DenseUrban), new("urban", UsageEnvironment.Urban),
        new("suburban", UsageEnvironment.Suburban), new("rural", UsageEnvironment.Rural),
        new("indoor", UsageEnvironment.Indoor), new("industrial", UsageEnvironment.Industrial),
    ];

    internal static readonly KeyValuePair<string, DuplexMode>[] DuplexModes = [new("tdd", DuplexMode.Tdd), new("fdd", DuplexMode.Fdd)];

    internal static readonly KeyValuePair<string, FrequencyRange>[] FrequencyRanges =
        [new("fr1", FrequencyRange.Fr1), new("fr2", FrequencyRange.Fr2)];

    internal static readonly KeyValuePair<string, TestCaseGroup>[] Groups =
    [
        new("m-plane", TestCaseGroup.MPlane), new("s-plane", TestCaseGroup.SPlane), new("cu-plane", TestCaseGroup.CuPlane),
        new("delay-management", TestCaseGroup.DelayManagement), new("compression", TestCaseGroup.Compression),
        new("beamforming", TestCaseGroup.Beamforming), new("prach", TestCaseGroup.Prach),
    ];

    internal static readonly KeyValuePair<string, TestCaseStatus>[] Statuses =
    [
        new("mandatory", TestCaseStatus.Mandatory), new("conditionally-mandatory", TestCaseStatus.ConditionallyMandatory),
        new("optional", TestCaseStatus.Optional),
    ];

    internal static readonly KeyValuePair<string, BeamformingMode>[] BeamformingModes =
    [
        new("none", BeamformingMode.None), new("digital", BeamformingMode.Digital), new("analog", BeamformingMode.Analog),
        new("rt-weights", BeamformingMode.RealTimeWeights), new("channel-info", BeamformingMode.ChannelInformation),
    ];

    internal static readonly KeyValuePair<string, MetricUnit>[] Units =
    [
        new("ratio", MetricUnit.Ratio), new("count", MetricUnit.Count), new("duration", MetricUnit.Duration),
        new("ppb", MetricUnit.Ppb), new("mbps", MetricUnit.Mbps), new("boolean", MetricUnit.Boolean),
    ];

    internal static readonly KeyValuePair<string, MetricSource>[] Sources =
    [
        new("analyzer", MetricSource.Analyzer), new("o-ru-counters", MetricSource.ORuCounters),
        new("o-du-counters", MetricSource.ODuCounters), new("traffic-tool", MetricSource.TrafficTool),
        new("sync-monitor", MetricSource.SyncMonitor),
    ];

    internal static readonly KeyValuePair<string, StepKind>[] Steps =
    [
        new("configure", StepKind.Configure), new("start-traffic", StepKind.StartTraffic), new("capture", StepKind.Capture),
        new("analyze", StepKind.Analyze), new("query-counters", StepKind.QueryCounters), new("stop-traffic", StepKind.StopTraffic),
        new("wait", StepKind.Wait), new("wait-for", StepKind.WaitFor), new("impair", StepKind.Impair),
        new("m-plane", StepKind.MPlane),
    ];

    internal static readonly KeyValuePair<string, TrafficDirection>[] Directions =
        [new("dl", TrafficDirection.Downlink), new("ul", TrafficDirection.Uplink), new("both", TrafficDirection.Both)];

    internal static readonly KeyValuePair<string, DeviceState>[] DeviceStates =
    [
        new("sync-locked", DeviceState.SyncLocked), new("carrier-ready", DeviceState.CarrierReady),
        new("cell-on-air", DeviceState.CellOnAir), new("holdover", DeviceState.Holdover),
    ];

    internal static readonly KeyValuePair<string, MplaneCheck>[] MplaneChecks =
    [
        new("handshake", MplaneCheck.Handshake), new("subscription", MplaneCheck.Subscription),
        new("supervision", MplaneCheck.Supervision), new("supervision-failure", MplaneCheck.SupervisionFailure),
        new("retrieval", MplaneCheck.Retrieval), new("configurability", MplaneCheck.Configurability),
        new("access-control", MplaneCheck.AccessControl),
    ];

    internal static readonly KeyValuePair<string, ImpairmentKind>[] Impairments =
    [
        new("ptp-loss", ImpairmentKind.PtpLoss), new("shift-c-plane", ImpairmentKind.ShiftCPlane),
        new("shift-u-plane", ImpairmentKind.ShiftUPlane), new("link-down", ImpairmentKind.LinkDown), new("clear", ImpairmentKind.Clear),
    ];

    internal static readonly KeyValuePair<string, NeedKind>[] NeedKinds =
    [
        new("equipment-reuse", NeedKind.EquipmentReuse), new("site-sharing", NeedKind.SiteSharing),
        new("cost-first", NeedKind.CostFirst), new("quality-first", NeedKind.QualityFirst),
    ];

    internal static readonly KeyValuePair<string, ExclusionKind>[] ExclusionKinds =
    [
        new("combination", ExclusionKind.Combination), new("case", ExclusionKind.Case), new("execution", ExclusionKind.Execution),
    ];

    public static string Of(ProductRole value) => Yaml.PlanChoices.NameOf(Roles, value);

    public static string Of(OruCategory value) => Yaml.PlanChoices.NameOf(Categories, value);

    public static string Of(SyncTopology value) => Yaml.PlanChoices.NameOf(SyncTopologies, value);

    public static string Of(MPlaneProfile value) => Yaml.PlanChoices.NameOf(MPlaneProfiles, value);

    public static string Of(LifecycleStep value) => Yaml.PlanChoices.NameOf(LifecycleSteps, value);

    public static string Of(BenchKind value) => Yaml.PlanChoices.NameOf(BenchKinds, value);

    public static string Of(UsageEnvironment value) => Yaml.PlanChoices.NameOf(Environments, value);

    public static string Of(DuplexMode value) => Yaml.PlanChoices.NameOf(DuplexModes, value);

    public static string Of(FrequencyRange value) => Yaml.PlanChoices.NameOf(FrequencyRanges, value);

    public static string Of(TestCaseGroup value) => Yaml.PlanChoices.NameOf(Groups, value);

    public static string Of(TestCaseStatus value) => Yaml.PlanChoices.NameOf(Statuses, value);

    public static string Of(BeamformingMode value) => Yaml.PlanChoices.NameOf(BeamformingModes, value);

    public static string Of(MetricUnit value) => Yaml.PlanChoices.NameOf(Units, value);

    public static string Of(MetricSource value) => Yaml.PlanChoices.NameOf(Sources, value);

    public static string Of(StepKind value) => Yaml.PlanChoices.NameOf(Steps, value);

    public static string Of(TrafficDirection value) => Yaml.PlanChoices.NameOf(Directions, value);

    public static string Of(DeviceState value) => Yaml.PlanChoices.NameOf(DeviceStates, value);

    public static string Of(ImpairmentKind value) => Yaml.PlanChoices.NameOf(Impairments, value);

    public static string Of(MplaneCheck value) => Yaml.PlanChoices.NameOf(MplaneChecks, value);

    public static string Of(NeedKind value) => Yaml.PlanChoices.NameOf(NeedKinds, value);

    public static string Of(ExclusionKind value) => Yaml.PlanChoices.NameOf(ExclusionKinds, value);
}
