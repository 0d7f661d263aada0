using System.Collections.Immutable;
using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Operators;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans;

/// <summary>
/// Loads and validates a plan directory: <c>lab/vendors/*.yaml</c>, <c>lab/benches.yaml</c>, <c>bands/</c>,
/// <c>iot/profiles/</c>, <c>iot/cases/</c>, <c>profiles/</c> (fronthaul), <c>operators/</c>, <c>campaigns/</c>.
/// Every problem of every file (unknown keys, missing references, duplicate ids, impossible values, dependency cycles,
/// missing emulator personalities) is collected and thrown at once as a <see cref="PlanValidationException"/>,
/// each error with its file, line, column, key path and a hint.
/// </summary>
public static class TestPlanLoader
{
    /// <summary>The folders of a plan directory, in loading order (later ones refer to earlier ones).</summary>
    internal static readonly ImmutableArray<(string Folder, bool Required, string What)> Layout =
    [
        ("lab/vendors", true, "vendor files (lab/vendors/VENDOR.yaml)"),
        ("lab", false, "lab/benches.yaml"),
        ("bands", true, "band files (bands/ID.yaml)"),
        ("iot/profiles", true, "IOT profiles (iot/profiles/*.yaml)"),
        ("iot/cases", true, "test cases (iot/cases/*.yaml)"),
        ("profiles", true, "fronthaul profiles (profiles/NAME.yaml)"),
        ("operators", true, "operator profiles (operators/ID.yaml)"),
        ("campaigns", false, "campaigns (campaigns/ID.yaml)"),
    ];

    /// <summary>Loads every plan file under <paramref name="directory"/>.</summary>
    /// <exception cref="PlanValidationException">Anything is invalid; every error is listed.</exception>
    public static TestPlan Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new PlanValidationException([new PlanError(directory, 0, 0, "", "no such plan directory")]);
        }

        var (files, errors) = ReadFiles(directory, extraCampaign: null);
        return Load(directory, files, PersonalityCheck(directory), errors);
    }

    /// <summary>
    /// Loads the plan a campaign file belongs to (by default the parent of its <c>campaigns/</c> folder) and returns the
    /// campaign; a campaign file outside the plan's <c>campaigns/</c> folder is loaded with it.
    /// </summary>
    /// <exception cref="PlanValidationException">The plan or the campaign is invalid; every error is listed.</exception>
    public static (TestPlan Plan, Campaign Campaign) LoadCampaign(string campaignFile, string? planDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(campaignFile);
        if (!File.Exists(campaignFile))
        {
            throw new PlanValidationException([new PlanError(campaignFile, 0, 0, "", "no such campaign file")]);
        }

        string full = Path.GetFullPath(campaignFile);
        string? folder = Path.GetDirectoryName(full);
        if (planDirectory is null)
        {
            if (folder is null || Path.GetFileName(folder) != "campaigns" || Path.GetDirectoryName(folder) is null)
            {
                throw new PlanValidationException([new PlanError(campaignFile, 0, 0, "",
                    "the campaign is not in a plan's campaigns/ folder: say which plan directory it belongs to (--plans DIR)")]);
            }

            planDirectory = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(folder)!);
        }

        if (!Directory.Exists(planDirectory))
        {
            throw new PlanValidationException([new PlanError(planDirectory, 0, 0, "", "no such plan directory")]);
        }

        bool inside = folder is not null && Path.GetFullPath(Path.Combine(planDirectory, "campaigns")) == folder;
        var (files, errors) = ReadFiles(planDirectory, inside ? null : campaignFile);
        var plan = Load(planDirectory, files, PersonalityCheck(planDirectory), errors);
        string id = Path.GetFileNameWithoutExtension(campaignFile);
        return (plan, plan.FindCampaign(id)!);
    }

    /// <summary>Loads plan files given as text (the directory loader and the specs use it).</summary>
    internal static TestPlan Load(string root, IReadOnlyList<PlanSourceFile> files, Func<string, bool>? personalityExists,
        IEnumerable<PlanError>? fileErrors = null)
    {
        var context = new PlanLoadContext();
        var plan = new TestPlanBuilder();
        if (fileErrors is not null)
        {
            context.AddExternal(fileErrors);
        }

        foreach (var file in files)
        {
            LoadFile(file, context, plan);
        }

        context.Finish();
        CheckCycles(plan);
        if (personalityExists is not null)
        {
            foreach (var (productId, path, at, errors) in plan.Personalities)
            {
                if (!personalityExists(path))
                {
                    errors.Add(at.Node, at.KeyPath, $"{productId} is emulated but its personality file {path} does not exist: "
                        + "add it (the emulator plays the product from it), or drive the product with command-line");
                }
            }
        }

        if (context.HasErrors)
        {
            throw new PlanValidationException(context.Errors());
        }

        return new TestPlan(root, new LabInventory([.. plan.Vendors], [.. plan.Benches]), [.. plan.Bands], [.. plan.IotProfiles],
            [.. plan.Cases], [.. plan.FronthaulProfiles], [.. plan.Operators], [.. plan.Campaigns]);
    }

    private static void LoadFile(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        string folder = Path.GetDirectoryName(file.RelativePath)?.Replace('\\', '/') ?? "";
        switch (folder)
        {
            case "lab/vendors":
                VendorFileLoader.Load(file, context, plan);
                break;
            case "lab":
                BenchFileLoader.Load(file, context, plan);
                break;
            case "bands":
                BandLoader.Load(file, context, plan);
                break;
            case "iot/profiles":
                IotProfileLoader.Load(file, context, plan);
                break;
            case "iot/cases":
                TestCaseFileLoader.Load(file, context, plan);
                break;
            case "profiles":
                LoadFronthaulProfile(file, context, plan);
                break;
            case "operators":
                OperatorProfileLoader.Load(file, context, plan);
                break;
            default:
                CampaignLoader.Load(file, context, plan);
                break;
        }
    }

    private static void LoadFronthaulProfile(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        Fronthaul.Profiles.FronthaulProfile? profile = null;
        try
        {
            profile = FronthaulProfileLoader.Parse(file.Text, file.DisplayPath);
        }
        catch (PlanValidationException ex)
        {
            context.AddExternal(ex.Errors);
        }

        // The loader gives the model only: read the name again (also from an invalid profile, so that references to it
        // do not add errors of their own) and define it at its node.
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, new PlanErrors(file.DisplayPath));
        var nameNode = root?.Children.FirstOrDefault(c => c.Key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "name" }).Value;
        string name = profile?.Name ?? (nameNode as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? Path.GetFileNameWithoutExtension(file.RelativePath);
        if (root is null)
        {
            return;
        }

        if (context.Define(PlanItemKind.FronthaulProfile, name, context.ErrorsFor(file.DisplayPath), nameNode ?? root, "name") && profile is not null)
        {
            var named = new NamedFronthaulProfile(profile.Name, file.RelativePath, profile);
            plan.FronthaulProfiles.Add(named);
            plan.FronthaulProfilesByName.Add(profile.Name, named);
        }
    }

    /// <summary>Reports every depends-on cycle once, at the dependency that closes it.</summary>
    private static void CheckCycles(TestPlanBuilder plan)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // absent: unvisited, 1: on the path, 2: done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in plan.CaseDependencies.Keys.Order(StringComparer.Ordinal))
        {
            Visit(id);
        }

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var dependency in plan.CaseDependencies.GetValueOrDefault(id) ?? [])
            {
                if (!plan.CaseDependencies.ContainsKey(dependency.Value))
                {
                    continue;
                }

                int s = state.GetValueOrDefault(dependency.Value);
                if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(dependency.Value)).Append(dependency.Value).ToList();
                    string key = string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        plan.CaseErrors[id].Add(dependency.Node, dependency.KeyPath,
                            $"depends-on forms a cycle: {string.Join(" -> ", cycle)}; no order can run these cases");
                    }
                }
                else if (s == 0)
                {
                    Visit(dependency.Value);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }

    private static (List<PlanSourceFile> Files, List<PlanError> Errors) ReadFiles(string directory, string? extraCampaign)
    {
        var files = new List<PlanSourceFile>();
        var errors = new List<PlanError>();
        foreach (var (folder, required, what) in Layout)
        {
            string path = Path.Combine(directory, folder);
            var names = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(IsYaml).Order(StringComparer.Ordinal).ToList()
                : [];
            if (folder == "lab")
            {
                names = [.. names.Where(n => Path.GetFileName(n) == "benches.yaml")];
            }

            if (required && names.Count == 0)
            {
                errors.Add(new PlanError(path, 0, 0, "", $"the plan has no {what}"));
            }

            foreach (string name in names)
            {
                // A campaign given by file stands in for the plan's own file of the same name (an agent expanding the
                // coordinator's text beside the same plan): one campaign per id, the one asked for.
                if (folder == "campaigns" && extraCampaign is not null
                    && string.Equals(Path.GetFileName(name), Path.GetFileName(extraCampaign), StringComparison.Ordinal))
                {
                    continue;
                }

                Read(name, $"{folder}/{Path.GetFileName(name)}");
            }
        }

        if (extraCampaign is not null)
        {
            Read(extraCampaign, "campaigns/" + Path.GetFileName(extraCampaign));
        }

        return (files, errors);

        void Read(string file, string relative)
        {
            try
            {
                files.Add(new PlanSourceFile(relative, file, YamlLimits.ReadFile(file)));
            }
            catch (InvalidDataException ex)
            {
                errors.Add(new PlanError(file, 0, 0, "", ex.Message));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new PlanError(file, 0, 0, "", "cannot read the file: " + ex.Message));
            }
        }
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static Func<string, bool>? PersonalityCheck(string directory)
    {
        string personalities = Path.Combine(directory, "personalities");
        return Directory.Exists(personalities) ? relative => File.Exists(Path.Combine(directory, relative)) : null;
    }
}
