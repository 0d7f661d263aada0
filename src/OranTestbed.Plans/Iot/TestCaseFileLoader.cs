using System.Collections.Immutable;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Iot;

/// <summary>
/// Loads <c>iot/cases/*.yaml</c>: <c>group</c> (the default of the file's cases) and <c>cases</c>, each with its
/// requirements, procedure, metrics and expected duration. Checks that the procedure makes sense (analyze after a
/// capture, traffic stopped, counters read before a metric uses them) and that the expected duration covers it.
/// </summary>
internal static class TestCaseFileLoader
{
    private static readonly string[] RootKeys = ["group", "cases"];

    private static readonly string[] CaseKeys =
    [
        "id", "name", "group", "status", "condition", "reference", "description", "requires", "procedure", "metrics",
        "expected-duration", "depends-on", "retries",
    ];

    private static readonly string[] RequireKeys =
        ["section-types", "section-extensions", "category", "duplex", "beamforming", "sync-topologies", "m-plane-profiles", "o-cu"];

    private static readonly string[] MetricKeys = ["id", "description", "unit", "source", "threshold"];
    private static readonly string[] ConfigureKeys = ["compression", "transport-delay", "prach-format"];
    private static readonly string[] CompressionKeys = ["method", "iq-width", "comp-hdr"];
    private static readonly string[] TrafficKeys = ["direction", "load"];
    private static readonly string[] DurationKeys = ["duration"];
    private static readonly string[] CountersKeys = ["device", "counters"];
    private static readonly string[] WaitForKeys = ["state", "timeout"];
    private static readonly string[] ImpairKeys = ["action", "offset"];
    private static readonly string[] MplaneKeys = ["check", "rounds", "interval", "filter", "eaxc", "account", "credentials"];

    public static void Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            return;
        }

        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var group = map.Choice("group", PlanNames.Groups);
        foreach (var item in YamlLists.Mappings(map, "cases", CaseKeys, required: true, "a test case", allowEmpty: false))
        {
            if (ReadCase(item, group, context, plan) is { } testCase)
            {
                plan.Cases.Add(testCase);
                plan.CasesById.Add(testCase.Id, testCase);
                plan.CaseErrors.Add(testCase.Id, errors);
            }
        }
    }

    private static TestCase? ReadCase(YamlMappingReader map, TestCaseGroup? fileGroup, PlanLoadContext context, TestPlanBuilder plan)
    {
        int before = map.Errors.Count;
        var id = PlanIds.Id(map, "id", required: true, "the case id, e.g. cu-dl-throughput");
        bool defined = id is { } located && context.Define(PlanItemKind.TestCase, located.Value, map.Errors, located.Node, map.PathOf("id"));
        string? name = map.Text("name", required: true, "the case's name");
        var group = map.Choice("group", PlanNames.Groups, required: fileGroup is null) ?? fileGroup;
        var status = map.Choice("status", PlanNames.Statuses, required: true);
        string? condition = map.Text("condition");
        if (status == TestCaseStatus.ConditionallyMandatory && condition is null && !map.Has("condition"))
        {
            map.Missing("condition", "when a conditionally mandatory case applies, in words");
        }
        else if (status is TestCaseStatus.Mandatory or TestCaseStatus.Optional && condition is not null)
        {
            map.Error("condition", "only a conditionally-mandatory case has a condition");
        }

        string? reference = map.Text("reference", required: true, "the specification and test it follows");
        var requires = ReadRequirements(map);
        var procedure = ReadProcedure(map);
        var metrics = ReadMetrics(map);
        var expected = CommonReaders.Duration(map, "expected-duration", required: true, what: "the expected duration");
        var retries = map.Int("retries", 0, 5, what: "the extra attempts after a failure (0-5)") ?? 0;
        var dependsOn = PlanIds.Ids(map, "depends-on", required: false, "a case id").ToList();
        if (!procedure.IsDefault)
        {
            CheckProcedure(map, procedure, metrics, expected);
        }

        foreach (var dependency in dependsOn)
        {
            if (id is { } self && dependency.Value == self.Value)
            {
                map.Errors.Add(dependency.Node, dependency.KeyPath, "a case cannot depend on itself");
                continue;
            }

            context.Reference(PlanItemKind.TestCase, dependency, map.Errors);
        }

        if (!defined || id is not { } caseId || map.Errors.Count > before)
        {
            return null;
        }

        plan.CaseDependencies[caseId.Value] = dependsOn;
        return new TestCase
        {
            Id = caseId.Value,
            Name = name!,
            Group = group!.Value,
            Status = status!.Value,
            Condition = condition,
            Reference = reference!,
            Description = map.Text("description"),
            Requires = requires,
            Procedure = procedure,
            Metrics = metrics,
            ExpectedDuration = expected!.Value,
            DependsOn = [.. dependsOn.Select(d => d.Value)],
            Retries = retries,
        };
    }

    private static CaseRequirements ReadRequirements(YamlMappingReader map)
    {
        var m = map.Mapping("requires", RequireKeys, what: "the case's requirements");
        if (m is null)
        {
            return CaseRequirements.None;
        }

        return new CaseRequirements
        {
            SectionTypes = CommonReaders.SectionTypes(m, "section-types", required: false),
            SectionExtensions = CommonReaders.SectionExtensions(m, "section-extensions"),
            Category = m.Choice("category", PlanNames.Categories),
            Duplex = m.Choice("duplex", PlanNames.DuplexModes),
            Beamforming = YamlLists.Choices(m, "beamforming", PlanNames.BeamformingModes, required: false, "a beamforming mode"),
            SyncTopologies = YamlLists.Choices(m, "sync-topologies", PlanNames.SyncTopologies, required: false, "an S-plane topology"),
            MPlaneProfiles = YamlLists.Choices(m, "m-plane-profiles", PlanNames.MPlaneProfiles, required: false, "an M-plane profile"),
            OCu = m.Bool("o-cu") ?? false,
        };
    }

    private static ImmutableArray<Metric> ReadMetrics(YamlMappingReader map)
    {
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in YamlLists.Mappings(map, "metrics", MetricKeys, required: true, "a metric", allowEmpty: false))
        {
            var id = PlanIds.MetricId(m, "id", "the metric id, e.g. t2a-up.late-ratio");
            string? description = m.Text("description", required: true, "what is measured");
            var unit = m.Choice("unit", PlanNames.Units, required: true);
            var source = m.Choice("source", PlanNames.Sources, required: true);
            var thresholdNode = m.Scalar("threshold", required: true, "the pass criterion, e.g. >= 0.8");
            MetricThreshold? threshold = null;
            if (thresholdNode?.Value is { } text && unit is { } u)
            {
                if (MetricThreshold.TryParse(text, u, out var parsed, out string? error))
                {
                    threshold = parsed;
                }
                else
                {
                    m.Error("threshold", error);
                }
            }

            if (id is { } metricId && !ids.Add(metricId.Value))
            {
                m.Error("id", $"metric '{metricId.Value}' is defined twice in this case");
                continue;
            }

            if (id is not null && description is not null && unit is not null && source is not null && threshold is not null)
            {
                metrics.Add(new Metric(id.Value.Value, description, unit.Value, source.Value, threshold));
            }
        }

        return metrics.DrainToImmutable();
    }

    private static ImmutableArray<ProcedureStep> ReadProcedure(YamlMappingReader map)
    {
        var sequence = YamlLists.Sequence(map, "procedure", required: true, "the procedure steps");
        if (sequence is null)
        {
            return default;
        }

        if (sequence.Children.Count == 0)
        {
            map.Errors.Add(sequence, map.PathOf("procedure"), "the procedure is empty: list the steps the orchestrator performs");
            return default;
        }

        var steps = ImmutableArray.CreateBuilder<ProcedureStep>();
        bool ok = true;
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var step = ReadStep(map, sequence.Children[i], $"{map.PathOf("procedure")}[{i}]");
            ok &= step is not null;
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return ok ? steps.DrainToImmutable() : default;
    }

    private static ProcedureStep? ReadStep(YamlMappingReader map, YamlNode node, string path)
    {
        string? name;
        YamlNode? parameters = null;
        if (node is YamlScalarNode { Value: { } scalar })
        {
            name = scalar;
        }
        else if (node is YamlMappingNode { Children.Count: 1 } single && single.Children[0].Key is YamlScalarNode { Value: { } key })
        {
            name = key;
            parameters = single.Children[0].Value;
        }
        else
        {
            map.Errors.Add(node, path, "a step is its name (- analyze) or one name with its parameters (- capture: {duration: 2s})");
            return null;
        }

        if (!PlanChoices.TryFind(PlanNames.Steps, name, out var kind))
        {
            map.Errors.Add(node, path, PlanChoices.Unknown(PlanNames.Steps, name, "a procedure step"));
            return null;
        }

        string stepPath = $"{path}.{name}";
        bool hasParameters = parameters is not null and not YamlScalarNode { Value: null or "" or "~" };
        if (hasParameters && kind is StepKind.Analyze or StepKind.StopTraffic)
        {
            map.Errors.Add(parameters!, stepPath, $"{name} takes no parameters: write - {name}");
            return null;
        }

        YamlMappingReader? p = null;
        if (parameters is YamlMappingNode mapping)
        {
            p = new YamlMappingReader(mapping, stepPath, map.Errors, KeysOf(kind));
        }
        else if (parameters is not null && !(parameters is YamlScalarNode { Value: null or "" or "~" }))
        {
            map.Errors.Add(parameters, stepPath, $"expected the step's parameters as a mapping {{{string.Join(", ", KeysOf(kind))}}}, "
                + $"got {YamlMappingReader.Describe(parameters)}");
            return null;
        }

        if (p is null && kind is not (StepKind.Configure or StepKind.Analyze or StepKind.StopTraffic))
        {
            map.Errors.Add(node, path, $"{name} needs its parameters: - {name}: {{{string.Join(", ", KeysOf(kind))}}}");
            return null;
        }

        int before = map.Errors.Count;
        ProcedureStep? step = kind switch
        {
            StepKind.Configure => p is null ? ConfigureStep.Default : ReadConfigure(p),
            StepKind.Analyze => AnalyzeStep.Instance,
            StepKind.StopTraffic => StopTrafficStep.Instance,
            StepKind.StartTraffic => new StartTrafficStep(p!.Choice("direction", PlanNames.Directions, required: true) ?? TrafficDirection.Both,
                p.Ratio("load") ?? 1m),
            StepKind.Capture => CommonReaders.Duration(p!, "duration", required: true, what: "a capture") is { } d ? new CaptureStep(d) : null,
            StepKind.Wait => CommonReaders.Duration(p!, "duration", required: true, what: "a wait") is { } w ? new WaitStep(w) : null,
            StepKind.QueryCounters => new QueryCountersStep(p!.Choice("device", PlanNames.Roles, required: true) ?? ProductRole.ORu,
                [.. YamlLists.Texts(p, "counters", required: true, "a counter name", allowEmpty: false).Select(c => c.Value)]),
            StepKind.WaitFor => p!.Choice("state", PlanNames.DeviceStates, required: true) is { } state
                && CommonReaders.Duration(p, "timeout", required: true, what: "the timeout") is { } timeout
                ? new WaitForStep(state, timeout) : null,
            StepKind.MPlane => ReadMplane(p!),
            _ => ReadImpair(p!),
        };
        return map.Errors.Count > before ? null : step;
    }

    private static ConfigureStep? ReadConfigure(YamlMappingReader p)
    {
        UPlaneCompression? compression = null;
        if (p.Mapping("compression", CompressionKeys, what: "the U-plane compression {method, iq-width, comp-hdr}") is { } c)
        {
            var methodNode = c.Scalar("method", required: true, "a compression method");
            int? width = c.Int("iq-width", 1, 16, required: true, "the IQ width in bits");
            bool compHdr = c.Bool("comp-hdr") ?? false;
            if (methodNode?.Value is { } name && !CommonReaders.TryMethod(name, out _))
            {
                c.Error("method", $"'{name}' is not a compression method: use none, bfp, block-scaling, mu-law or modulation");
            }
            else if (methodNode?.Value is { } ok && width is { } w)
            {
                CommonReaders.TryMethod(ok, out var method);
                compression = new UPlaneCompression(UdCompHdr.From(method, w), compHdr);
            }
        }

        var delay = CommonReaders.Duration(p, "transport-delay", allowZero: true);
        string? prach = p.Text("prach-format");
        return new ConfigureStep(compression, delay, prach);
    }

    private static ImpairStep? ReadImpair(YamlMappingReader p)
    {
        var action = p.Choice("action", PlanNames.Impairments, required: true);
        long? offset = p.Duration("offset", allowNegative: true);
        bool shifts = action is ImpairmentKind.ShiftCPlane or ImpairmentKind.ShiftUPlane;
        if (shifts && offset is null && !p.Has("offset"))
        {
            p.Missing("offset", "how much earlier (negative) or later the messages go, e.g. 50us");
        }
        else if (!shifts && action is not null && p.Has("offset"))
        {
            p.Error("offset", $"{PlanNames.Of(action.Value)} takes no offset");
        }

        return action is { } a ? new ImpairStep(a, offset is { } ns ? TimeSpan.FromTicks(ns / 100) : null) : null;
    }

    /// <summary>An <c>m-plane</c> step: the check and only the parameters that check takes.</summary>
    private static MplaneStep? ReadMplane(YamlMappingReader p)
    {
        if (p.Choice("check", PlanNames.MplaneChecks, required: true) is not { } check)
        {
            return null;
        }

        string[] takes = check switch
        {
            MplaneCheck.Handshake => ["credentials"],
            MplaneCheck.Supervision => ["rounds", "interval"],
            MplaneCheck.SupervisionFailure => ["interval"],
            MplaneCheck.Retrieval => ["filter"],
            MplaneCheck.Configurability => ["eaxc"],
            MplaneCheck.AccessControl => ["account"],
            _ => [],
        };
        foreach (string key in MplaneKeys.Skip(1).Where(k => p.Has(k) && !takes.Contains(k)))
        {
            p.Error(key, $"the {PlanNames.Of(check)} check takes no {key}"
                + (takes.Length > 0 ? $" (it takes {string.Join(", ", takes)})" : string.Empty));
        }

        var interval = CommonReaders.Duration(p, "interval");
        if (interval is { } i && (i < TimeSpan.FromSeconds(1) || i.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            p.Error("interval", "the supervision watchdog counts whole seconds: 1s or more");
        }

        string? filter = p.Text("filter");
        if (filter is not null && (filter.Length == 0 || filter.Split('/').Any(n => n.Length == 0 || !System.Xml.XmlConvert.IsNCNameChar(n[0]) || n.Any(char.IsWhiteSpace))))
        {
            p.Error("filter", $"'{filter}' is not a subtree path of node names (e.g. user-plane-configuration/low-level-rx-endpoints)");
        }

        string? eaxc = p.Text("eaxc");
        if (check == MplaneCheck.Configurability && eaxc is not ("unique" or "duplicate"))
        {
            p.Error("eaxc", "configurability needs eaxc: unique (accepted and notified) or duplicate (rejected)");
        }

        string? account = p.Text("account");
        if (check == MplaneCheck.AccessControl && string.IsNullOrWhiteSpace(account))
        {
            p.Missing("account", "the name of an account of the O-RU's netconf driver (accounts:), e.g. fm-pm");
        }

        string? credentials = p.Text("credentials");
        if (credentials is not (null or "wrong"))
        {
            p.Error("credentials", "the only credentials a handshake takes besides the driver's own are: wrong");
        }

        return new MplaneStep(check)
        {
            Rounds = p.Int("rounds", 1, 10_000) ?? (check == MplaneCheck.Supervision ? 30 : null),
            Interval = interval,
            Filter = filter,
            DuplicateEaxc = eaxc == "duplicate",
            Account = account,
            WrongCredentials = credentials == "wrong",
        };
    }

    private static string[] KeysOf(StepKind kind) => kind switch
    {
        StepKind.Configure => ConfigureKeys,
        StepKind.StartTraffic => TrafficKeys,
        StepKind.Capture or StepKind.Wait => DurationKeys,
        StepKind.QueryCounters => CountersKeys,
        StepKind.WaitFor => WaitForKeys,
        StepKind.Impair => ImpairKeys,
        StepKind.MPlane => MplaneKeys,
        _ => [],
    };

    /// <summary>The procedure must be something an orchestrator can perform, and the metrics must have a source in it.</summary>
    private static void CheckProcedure(YamlMappingReader map, ImmutableArray<ProcedureStep> procedure, ImmutableArray<Metric> metrics,
        TimeSpan? expected)
    {
        bool captured = false, analyzed = false, traffic = false;
        var queried = new HashSet<ProductRole>();
        var sequence = (YamlSequenceNode)map.ValueOf("procedure")!;
        TimeSpan busy = TimeSpan.Zero;
        for (int i = 0; i < procedure.Length; i++)
        {
            var node = sequence.Children[i];
            string path = $"{map.PathOf("procedure")}[{i}]";
            switch (procedure[i])
            {
                case CaptureStep capture:
                    captured = true;
                    busy += capture.Duration;
                    break;
                case WaitStep wait:
                    busy += wait.Duration;
                    break;
                case AnalyzeStep when !captured:
                    map.Errors.Add(node, path, "analyze needs a capture step before it");
                    analyzed = true;
                    break;
                case AnalyzeStep:
                    analyzed = true;
                    break;
                case StartTrafficStep when traffic:
                    map.Errors.Add(node, path, "traffic is already running: stop-traffic first");
                    break;
                case StartTrafficStep:
                    traffic = true;
                    break;
                case StopTrafficStep when !traffic:
                    map.Errors.Add(node, path, "stop-traffic without a start-traffic before it");
                    break;
                case StopTrafficStep:
                    traffic = false;
                    break;
                case QueryCountersStep query:
                    queried.Add(query.Device);
                    break;
                case MplaneStep:
                    queried.Add(ProductRole.ORu); // what the check measures joins the O-RU's counters
                    break;
            }
        }

        if (traffic)
        {
            map.Error("procedure", "the procedure leaves traffic running: end it with stop-traffic");
        }

        foreach (var metric in metrics)
        {
            string? missing = metric.Source switch
            {
                MetricSource.Analyzer when !analyzed => "analyze step",
                MetricSource.ORuCounters when !queried.Contains(ProductRole.ORu) => "query-counters step of the o-ru",
                MetricSource.ODuCounters when !queried.Contains(ProductRole.ODu) => "query-counters step of the o-du",
                _ => null,
            };
            if (missing is not null)
            {
                map.Error("metrics", $"metric '{metric.Id}' comes from {PlanNames.Of(metric.Source)}, but the procedure has no {missing}");
            }
        }

        if (expected is { } e && e < busy)
        {
            map.Error("expected-duration", $"{Format(e)} is shorter than the procedure's captures and waits alone ({Format(busy)})");
        }
    }

    private static string Format(TimeSpan t) => DurationText.Format(t.Ticks * 100);
}
