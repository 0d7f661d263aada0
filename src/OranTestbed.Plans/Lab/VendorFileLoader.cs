using System.Collections.Immutable;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// Loads <c>lab/vendors/VENDOR.yaml</c>: the vendor and its products with versions, capabilities and driver. Keys of
/// the capabilities depend on the role (an O-CU has no fronthaul); see <c>testplans/README.md</c>.
/// </summary>
internal static partial class VendorFileLoader
{
    private static readonly string[] RootKeys = ["id", "name", "description", "products"];
    private static readonly string[] ProductKeys = ["id", "role", "model", "description", "versions", "capabilities", "driver"];
    private static readonly string[] VersionKeys = ["hardware", "software", "firmware"];

    private static readonly string[] FronthaulKeys =
    [
        "bands", "max-bandwidth", "numerologies", "categories", "compression", "eaxc-id-bits", "section-types",
        "section-extensions", "mtu", "u-plane-fragmentation", "link-speeds", "sync-topologies", "m-plane-profiles",
    ];

    private static readonly string[] DuKeys = [.. FronthaulKeys, "f1ap-versions"];
    private static readonly string[] CuKeys = ["f1ap-versions"];
    private static readonly string[] DriverKeys = ["command-line", "netconf"];

    private static readonly string[] NetconfKeys =
    [
        "host", "port", "user", "password", "password-env", "key-file", "passphrase-env", "known-hosts", "host-key",
        "insecure-accept-host-key", "call-home", "rpc-timeout", "supervision-interval", "accounts",
    ];

    private static readonly string[] AccountKeys = ["user", "password", "password-env", "key-file", "passphrase-env"];

    private static readonly string[] CommandLineKeys =
        ["working-directory", "environment", "variables", .. PlanNames.LifecycleSteps.Select(s => s.Key)];

    private static readonly string[] StepKeys = ["command", "timeout", "exit-code"];

    public static Vendor? Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            context.DefineUnreadable(PlanItemKind.Vendor, file.DisplayPath);
            return null;
        }

        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var id = PlanIds.FileId(map, file.DisplayPath);
        string? name = map.Text("name", required: true, "the vendor's name");
        string? description = map.Text("description");
        bool defined = id is { } vendorId && context.Define(PlanItemKind.Vendor, vendorId.Value, errors, vendorId.Node, "id");
        var products = ImmutableArray.CreateBuilder<Product>();
        foreach (var item in YamlLists.Mappings(map, "products", ProductKeys, required: true, "a product", allowEmpty: false))
        {
            if (ReadProduct(item, id?.Value, context, plan) is { } product)
            {
                products.Add(product);
            }
        }

        if (!defined || name is null)
        {
            return null;
        }

        var vendor = new Vendor(id!.Value.Value, name, description, products.DrainToImmutable());
        plan.Vendors.Add(vendor);
        return vendor;
    }

    private static Product? ReadProduct(YamlMappingReader map, string? vendorId, PlanLoadContext context, TestPlanBuilder plan)
    {
        var localId = PlanIds.Id(map, "id", required: true, "the product id within its vendor, e.g. xd-100");
        string? productId = vendorId is not null && localId is { } local ? $"{vendorId}/{local.Value}" : null;
        bool defined = productId is not null && context.Define(PlanItemKind.Product, productId, map.Errors, localId!.Value.Node, map.PathOf("id"));
        var role = map.Choice("role", PlanNames.Roles, required: true);
        string? model = map.Text("model", required: true, "the vendor's model name");
        string? description = map.Text("description");
        var versions = ReadVersions(map);
        var capabilities = role is { } r ? ReadCapabilities(map, r) : null;
        var driver = ReadDriver(map, vendorId, localId?.Value, productId, role, plan);
        if (!defined || role is null || model is null || versions is null || capabilities is null || driver is null)
        {
            return null;
        }

        var product = new Product
        {
            Id = productId!,
            VendorId = vendorId!,
            LocalId = localId!.Value.Value,
            Role = role.Value,
            Model = model,
            Description = description,
            Versions = versions,
            Capabilities = capabilities,
            Driver = driver,
        };
        plan.Products.Add(product.Id, product);
        return product;
    }

    private static ProductVersions? ReadVersions(YamlMappingReader map)
    {
        var m = map.Mapping("versions", VersionKeys, required: true, "the versions {hardware, software, firmware}");
        if (m is null)
        {
            return null;
        }

        string? hardware = m.Text("hardware", required: true, "the hardware version");
        string? software = m.Text("software", required: true, "the software version");
        string? firmware = m.Text("firmware", required: true, "the firmware version");
        return hardware is null || software is null || firmware is null ? null : new ProductVersions(hardware, software, firmware);
    }

    private static ProductCapabilities? ReadCapabilities(YamlMappingReader map, ProductRole role)
    {
        string[] keys = role switch
        {
            ProductRole.OCu => CuKeys,
            ProductRole.ODu => DuKeys,
            _ => FronthaulKeys,
        };
        var m = map.Mapping("capabilities", keys, required: true, "the product's capabilities");
        if (m is null)
        {
            return null;
        }

        int before = m.Errors.Count;
        if (role == ProductRole.OCu)
        {
            var versions = F1apVersions(m, required: true);
            return m.Errors.Count > before ? null : ProductCapabilities.None with { F1apVersions = versions };
        }

        bool isRu = role == ProductRole.ORu;
        var capabilities = new ProductCapabilities
        {
            Bands = CommonReaders.NrBands(m, "bands", required: isRu),
            MaxBandwidthMHz = Quantities.MegaHertz(m, "max-bandwidth", required: true) ?? 0,
            Numerologies = [.. YamlLists.Ints(m, "numerologies", 0, 3, required: true, "a numerology µ 0..3", allowEmpty: false).Order()],
            Categories = YamlLists.Choices(m, "categories", PlanNames.Categories, required: true, "an O-RU category", allowEmpty: false),
            Compression = CommonReaders.Compression(m, "compression", required: true),
            EaxcSplits = CommonReaders.EaxcSplits(m, "eaxc-id-bits", required: true),
            SectionTypes = CommonReaders.SectionTypes(m, "section-types", required: true),
            SectionExtensions = CommonReaders.SectionExtensions(m, "section-extensions"),
            MtuBytes = m.Int("mtu", CommonReaders.MinMtu, CommonReaders.MaxMtu, required: true, "the fronthaul MTU in bytes") ?? 0,
            UPlaneFragmentation = m.Bool("u-plane-fragmentation") ?? false,
            LinkSpeedsGbps = CommonReaders.LinkSpeeds(m, "link-speeds", required: true),
            SyncTopologies = YamlLists.Choices(m, "sync-topologies", PlanNames.SyncTopologies, required: true, "an S-plane topology", allowEmpty: false),
            MPlaneProfiles = YamlLists.Choices(m, "m-plane-profiles", PlanNames.MPlaneProfiles, required: true, "an M-plane profile", allowEmpty: false),
            F1apVersions = role == ProductRole.ODu ? F1apVersions(m, required: false) : [],
        };

        if (isRu && capabilities.Categories.Length > 1)
        {
            m.Error("categories", "an O-RU is either category A or category B: list one");
        }

        if (capabilities.MaxBandwidthMHz > 400)
        {
            m.Error("max-bandwidth", $"{capabilities.MaxBandwidthMHz} MHz is wider than any NR channel (400 MHz in FR2)");
        }

        return m.Errors.Count > before ? null : capabilities;
    }

    private static ImmutableArray<string> F1apVersions(YamlMappingReader m, bool required)
    {
        var versions = ImmutableArray.CreateBuilder<string>();
        foreach (var item in YamlLists.Texts(m, "f1ap-versions", required, "an F1AP version such as \"16.4\"", allowEmpty: false))
        {
            if (!IsVersion(item.Value))
            {
                m.Errors.Add(item.Node, item.KeyPath, $"'{item.Value}' is not an F1AP version: write the TS 38.473 release and version, e.g. \"16.4\"");
                continue;
            }

            versions.Add(item.Value);
        }

        return versions.DrainToImmutable();
    }

    private static bool IsVersion(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot is > 0 and < 3 && text.Length - dot is > 1 and < 4 && text.Remove(dot, 1).All(char.IsAsciiDigit);
    }

    private static DeviceDriver? ReadDriver(YamlMappingReader map, string? vendorId, string? localId, string? productId, ProductRole? role,
        TestPlanBuilder plan)
    {
        var node = map.ValueOf("driver");
        if (node is null)
        {
            map.Missing("driver", "driver: emulated, or driver: {command-line: {...}} for real equipment");
            return null;
        }

        string path = map.PathOf("driver");
        if (node is YamlScalarNode scalar)
        {
            if (scalar.Value != "emulated")
            {
                map.Errors.Add(scalar, path, $"'{scalar.Value}' is not a driver: write emulated, or command-line: {{open: ..., configure: ...}}");
                return null;
            }

            if (vendorId is null || localId is null)
            {
                return null;
            }

            // The emulator plays O-DUs and O-RUs; an emulated O-CU is the orchestrator's stand-in, with no personality.
            string personality = EmulatedDriver.PersonalityFileOf(vendorId, localId);
            if (role is not ProductRole.OCu)
            {
                plan.Personalities.Add((productId!, personality, new Located<string>(personality, scalar, path), map.Errors));
            }
            return new EmulatedDriver(personality);
        }

        var driver = map.Mapping("driver", DriverKeys, what: "a driver: emulated, {command-line: {...}} or {netconf: {...}}");
        if (driver is null)
        {
            return null;
        }

        if (driver.Has("command-line") == driver.Has("netconf"))
        {
            map.Error("driver", "give one driver: command-line or netconf");
            return null;
        }

        if (driver.Mapping("netconf", NetconfKeys) is { } netconf)
        {
            return ReadNetconf(netconf);
        }

        var commandLine = driver.Mapping("command-line", CommandLineKeys, required: true, "the commands of each lifecycle step");
        return commandLine is null ? null : ReadCommandLine(commandLine);
    }

    private static NetconfDriver? ReadNetconf(YamlMappingReader map)
    {
        int before = map.Errors.Count;
        bool callHome = map.Bool("call-home") ?? false;
        string? host = map.Text("host", required: !callHome, "the O-RU's address (or call-home: true)");
        int port = map.Int("port", 1, 65535, what: "the TCP port") ?? (callHome ? NetconfDriver.CallHomePort : NetconfDriver.DefaultPort);
        string? user = map.Text("user", required: true, "the SSH user");
        var credentials = ReadCredentials(map);
        string? knownHosts = map.Text("known-hosts");
        string? fingerprint = map.Text("host-key");
        bool acceptAny = map.Bool("insecure-accept-host-key") ?? false;
        if ((knownHosts is null ? 0 : 1) + (fingerprint is null ? 0 : 1) + (acceptAny ? 1 : 0) != 1)
        {
            map.Error("user", "say how the O-RU's host key is checked: one of known-hosts (a file), host-key (SHA256:...) "
                              + "or insecure-accept-host-key: true");
        }

        if (fingerprint is not null && !NetconfFingerprint().IsMatch(fingerprint))
        {
            map.Error("host-key", $"'{fingerprint}' is not a SHA-256 host key fingerprint as ssh-keygen -lf prints it (SHA256: and 43 base64 characters)");
        }

        var rpcTimeout = CommonReaders.Duration(map, "rpc-timeout", what: "the RPC timeout");
        var supervision = CommonReaders.Duration(map, "supervision-interval", what: "the supervision interval");
        var accounts = ReadAccounts(map);
        if (map.Errors.Count > before || user is null || credentials is null)
        {
            return null;
        }

        return new NetconfDriver(host, port, user, credentials, new NetconfHostKey(knownHosts, fingerprint, acceptAny))
        {
            Accounts = accounts,
            CallHome = callHome,
            RpcTimeout = rpcTimeout ?? TimeSpan.FromSeconds(30),
            SupervisionInterval = supervision ?? TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>password-env, or key-file with an optional passphrase-env; never a password itself.</summary>
    private static NetconfCredentials? ReadCredentials(YamlMappingReader map)
    {
        if (map.Has("password"))
        {
            map.Error("password", "never write a password in a plan: name the environment variable that holds it (password-env: VAR)");
        }

        string? passwordEnv = EnvironmentName(map, "password-env");
        string? keyFile = map.Text("key-file");
        string? passphraseEnv = EnvironmentName(map, "passphrase-env");
        if ((passwordEnv is null) == (keyFile is null) && !map.Has("password"))
        {
            map.Error(passwordEnv is null ? "user" : "key-file", "give one of password-env (an environment variable) or key-file");
        }

        if (passphraseEnv is not null && keyFile is null)
        {
            map.Error("passphrase-env", "a passphrase goes with key-file");
        }

        return (passwordEnv is null) == (keyFile is null) ? null : new NetconfCredentials(passwordEnv, keyFile, passphraseEnv);
    }

    /// <summary><c>accounts: {NAME: {user, password-env | key-file}}</c>: the O-RU's other users (NACM groups) that access
    /// control checks log in as.</summary>
    private static ImmutableSortedDictionary<string, NetconfAccount> ReadAccounts(YamlMappingReader map)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, NetconfAccount>(StringComparer.Ordinal);
        if (map.ValueOf("accounts") is not { } node)
        {
            return result.ToImmutable();
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Errors.Add(node, map.PathOf("accounts"), $"expected a mapping of account name: {{user, password-env | key-file}}, got {YamlMappingReader.Describe(node)}");
            return result.ToImmutable();
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is not YamlScalarNode { Value: { } name } || !PlanIds.IsKebab(name))
            {
                map.Errors.Add(k, map.PathOf("accounts"), $"{YamlMappingReader.Describe(k)} is not an account name (kebab case, e.g. fm-pm)");
                continue;
            }

            string path = $"{map.PathOf("accounts")}.{name}";
            if (v is not YamlMappingNode account)
            {
                map.Errors.Add(v, path, $"expected {{user, password-env | key-file}}, got {YamlMappingReader.Describe(v)}");
                continue;
            }

            var reader = new YamlMappingReader(account, path, map.Errors, AccountKeys);
            string? user = reader.Text("user", required: true, "the SSH user of the account");
            if (ReadCredentials(reader) is { } credentials && user is not null)
            {
                result[name] = new NetconfAccount(user, credentials);
            }
        }

        return result.ToImmutable();
    }

    private static string? EnvironmentName(YamlMappingReader map, string key)
    {
        string? name = map.Text(key);
        if (name is not null && !IsEnvironmentName(name))
        {
            map.Error(key, $"'{name}' is not an environment variable name (letters, digits, _)");
            return null;
        }

        return name;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}$")]
    private static partial System.Text.RegularExpressions.Regex NetconfFingerprint();

    private static CommandLineDriver? ReadCommandLine(YamlMappingReader map)
    {
        var variables = ReadStrings(map, "variables", PlanIds.IsKebab, "a kebab-case variable name");
        var environment = ReadStrings(map, "environment", IsEnvironmentName, "an environment variable name (letters, digits, _)");
        string? workingDirectory = map.Text("working-directory");
        var known = new HashSet<string>(CommandLineDriver.BuiltInVariables, StringComparer.Ordinal);
        foreach (var name in variables.Keys)
        {
            if (known.Contains(name))
            {
                map.Error("variables", $"'{name}' is a built-in variable the orchestrator sets: choose another name");
            }
        }

        known.UnionWith(variables.Keys);
        var steps = ImmutableSortedDictionary.CreateBuilder<LifecycleStep, CommandStep>();
        int before = map.Errors.Count;
        foreach (var (name, step) in PlanNames.LifecycleSteps)
        {
            var m = map.Mapping(name, StepKeys, required: CommandLineDriver.RequiredSteps.Contains(step),
                "{command, timeout, exit-code} (open, configure, start, stop and close are required)");
            if (m is null)
            {
                continue;
            }

            string? command = m.Text("command", required: true, "the command line, with {variables}");
            var timeout = CommonReaders.Duration(m, "timeout", required: true, what: "the timeout");
            int exitCode = m.Int("exit-code", 0, 255, what: "the exit code that means success") ?? 0;
            if (command is not null && CommandStep.Malformed(command) is { } malformed)
            {
                m.Error("command", malformed);
                continue;
            }

            if (command is not null)
            {
                foreach (var (variable, _, _) in CommandStep.Placeholders(command))
                {
                    if (!known.Contains(variable))
                    {
                        string? close = KeySuggestions.Closest(variable, known);
                        m.Error("command", close is null
                            ? $"unknown variable {{{variable}}}: define it under variables, or use a built-in one ({string.Join(", ", CommandLineDriver.BuiltInVariables)})"
                            : $"unknown variable {{{variable}}}; did you mean {{{close}}}?");
                    }
                }
            }

            if (command is not null && timeout is { } t)
            {
                steps.Add(step, new CommandStep(command, t, exitCode));
            }
        }

        return map.Errors.Count > before ? null
            : new CommandLineDriver(steps.ToImmutable(), variables, workingDirectory, environment);
    }

    private static bool IsEnvironmentName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static ImmutableSortedDictionary<string, string> ReadStrings(YamlMappingReader map, string key, Func<string, bool> isName,
        string what)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (map.ValueOf(key) is not { } node)
        {
            return result.ToImmutable();
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Errors.Add(node, map.PathOf(key), $"expected a mapping of name: value, got {YamlMappingReader.Describe(node)}");
            return result.ToImmutable();
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is not YamlScalarNode { Value: { } name } || !isName(name))
            {
                map.Errors.Add(k, map.PathOf(key), $"{YamlMappingReader.Describe(k)} is not {what}");
                continue;
            }

            if (v is not YamlScalarNode { Value: { } value })
            {
                map.Errors.Add(v, $"{map.PathOf(key)}.{name}", $"expected a text value, got {YamlMappingReader.Describe(v)}");
                continue;
            }

            result[name] = value;
        }

        return result.ToImmutable();
    }
}
