using System.Collections.Immutable;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Tests.Support;

/// <summary>
/// A small valid plan held as text, which specs edit line by line so that every expected file:line:column is visible
/// here. Files are named as under <c>testplans/</c>; errors name them <c>testplans/FILE</c>.
/// </summary>
internal sealed class PlanText
{
    public const string Root = "testplans";

    private readonly ImmutableSortedDictionary<string, ImmutableArray<string>> _files;

    private PlanText(ImmutableSortedDictionary<string, ImmutableArray<string>> files) => _files = files;

    public const string Acme = "lab/vendors/acme.yaml";
    public const string Beta = "lab/vendors/beta.yaml";
    public const string Benches = "lab/benches.yaml";
    public const string Band = "bands/n78-city.yaml";
    public const string Iot = "iot/profiles/nobf.yaml";
    public const string Cases = "iot/cases/cases.yaml";
    public const string Profile = "profiles/p78.yaml";
    public const string Operator = "operators/op-a.yaml";
    public const string Campaign = "campaigns/c1.yaml";

    /// <summary>
    /// Two O-RUs on one O-DU in n78: acme/ru-1 does everything; beta/ru-2 lacks section type 3. Cases: timing, prach
    /// (needs section type 3, after timing) and throughput (needs an O-CU: acme/cu-1). Campaign c1 runs all: 5 executions,
    /// 1 exclusion (prach on ru-2).
    /// </summary>
    public static PlanText Mini() => new(new Dictionary<string, string[]>
    {
        [Acme] =
        [
            "name: Acme",                                                                     // 1
            "products:",                                                                      // 2
            "  - id: du-1",                                                                   // 3
            "    role: o-du",                                                                 // 4
            "    model: DU One",                                                              // 5
            "    versions: {hardware: \"1\", software: \"1.0\", firmware: \"1.0\"}",          // 6
            "    capabilities:",                                                              // 7
            "      max-bandwidth: 100MHz",                                                    // 8
            "      numerologies: [0, 1]",                                                     // 9
            "      categories: [A]",                                                          // 10
            "      compression: [{method: bfp, widths: [9, 14]}]",                            // 11
            "      eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",          // 12
            "      section-types: [1, 3]",                                                    // 13
            "      mtu: 9000",                                                                // 14
            "      link-speeds: [25G]",                                                       // 15
            "      sync-topologies: [lls-c1, lls-c3]",                                        // 16
            "      m-plane-profiles: [hierarchical-sudo]",                                    // 17
            "      f1ap-versions: [\"16.4\"]",                                                // 18
            "    driver: emulated",                                                           // 19
            "  - id: ru-1",                                                                   // 20
            "    role: o-ru",                                                                 // 21
            "    model: RU One",                                                              // 22
            "    versions: {hardware: \"1\", software: \"1.0\", firmware: \"1.0\"}",          // 23
            "    capabilities:",                                                              // 24
            "      bands: [n78]",                                                             // 25
            "      max-bandwidth: 100MHz",                                                    // 26
            "      numerologies: [1]",                                                        // 27
            "      categories: [A]",                                                          // 28
            "      compression: [{method: bfp, widths: [9]}]",                                // 29
            "      eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",          // 30
            "      section-types: [1, 3]",                                                    // 31
            "      mtu: 9000",                                                                // 32
            "      link-speeds: [25G]",                                                       // 33
            "      sync-topologies: [lls-c3]",                                                // 34
            "      m-plane-profiles: [hierarchical-sudo]",                                    // 35
            "    driver: emulated",                                                           // 36
            "  - id: cu-1",                                                                   // 37
            "    role: o-cu",                                                                 // 38
            "    model: CU One",                                                              // 39
            "    versions: {hardware: \"1\", software: \"1.0\", firmware: \"1.0\"}",          // 40
            "    capabilities: {f1ap-versions: [\"16.4\"]}",                                  // 41
            "    driver: emulated",                                                           // 42
        ],
        [Beta] =
        [
            "name: Beta",                                                                     // 1
            "products:",                                                                      // 2
            "  - id: ru-2",                                                                   // 3
            "    role: o-ru",                                                                 // 4
            "    model: RU Two",                                                              // 5
            "    versions: {hardware: \"2\", software: \"2.0\", firmware: \"2.0\"}",          // 6
            "    capabilities:",                                                              // 7
            "      bands: [n78, n77]",                                                        // 8
            "      max-bandwidth: 100MHz",                                                    // 9
            "      numerologies: [1]",                                                        // 10
            "      categories: [A]",                                                          // 11
            "      compression: [{method: bfp, widths: [9]}]",                                // 12
            "      eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",          // 13
            "      section-types: [1]",                                                       // 14
            "      mtu: 9000",                                                                // 15
            "      link-speeds: [25G]",                                                       // 16
            "      sync-topologies: [lls-c3]",                                                // 17
            "      m-plane-profiles: [hierarchical-sudo]",                                    // 18
            "    driver: emulated",                                                           // 19
        ],
        [Benches] =
        [
            "benches:",                                                                       // 1
            "  - {id: emulated, kind: emulated}",                                             // 2
        ],
        [Band] =
        [
            "band: n78",                                                                      // 1
            "environment: urban",                                                             // 2
            "arfcn: 640000",                                                                  // 3
            "bandwidth: 100MHz",                                                              // 4
            "subcarrier-spacing: 30kHz",                                                      // 5
            "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}",          // 6
        ],
        [Iot] =
        [
            "name: NR-TDD-FR1-CAT-A-NoBF",                                                    // 1
            "specification: O-RAN.WG4.IOT.0",                                                 // 2
            "spec-version: \"12.00\"",                                                        // 3
            "duplex: tdd",                                                                    // 4
            "frequency-range: fr1",                                                           // 5
            "subcarrier-spacings: [30kHz]",                                                   // 6
            "category: A",                                                                    // 7
            "beamforming: none",                                                              // 8
            "compression: [{method: bfp, widths: [9, 14]}]",                                  // 9
            "eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]",                // 10
            "section-types: [0, 1, 3]",                                                       // 11
            "sync-topologies: [lls-c1, lls-c2, lls-c3]",                                      // 12
        ],
        [Cases] =
        [
            "group: delay-management",                                                        // 1
            "cases:",                                                                         // 2
            "  - id: timing",                                                                 // 3
            "    name: Timing",                                                               // 4
            "    status: mandatory",                                                          // 5
            "    reference: test",                                                            // 6
            "    procedure:",                                                                 // 7
            "      - configure",                                                              // 8
            "      - capture: {duration: 10s}",                                               // 9
            "      - analyze",                                                                // 10
            "    metrics:",                                                                   // 11
            "      - {id: late-ratio, description: late, unit: ratio, source: analyzer, threshold: \"<= 0\"}", // 12
            "    expected-duration: 60s",                                                     // 13
            "  - id: prach",                                                                  // 14
            "    name: PRACH",                                                                // 15
            "    group: prach",                                                               // 16
            "    status: optional",                                                           // 17
            "    reference: test",                                                            // 18
            "    requires: {section-types: [3]}",                                             // 19
            "    depends-on: [timing]",                                                       // 20
            "    procedure:",                                                                 // 21
            "      - configure",                                                              // 22
            "      - capture: {duration: 5s}",                                                // 23
            "      - analyze",                                                                // 24
            "    metrics:",                                                                   // 25
            "      - {id: st3-messages, description: ST3, unit: count, source: analyzer, threshold: \">= 1\"}", // 26
            "    expected-duration: 60s",                                                     // 27
            "  - id: throughput",                                                             // 28
            "    name: Throughput",                                                           // 29
            "    group: cu-plane",                                                            // 30
            "    status: mandatory",                                                          // 31
            "    reference: test",                                                            // 32
            "    requires: {o-cu: true}",                                                     // 33
            "    procedure:",                                                                 // 34
            "      - configure",                                                              // 35
            "      - start-traffic: {direction: dl, load: 100%}",                             // 36
            "      - capture: {duration: 20s}",                                               // 37
            "      - stop-traffic",                                                           // 38
            "    metrics:",                                                                   // 39
            "      - {id: dl-throughput-ratio, description: DL, unit: ratio, source: traffic-tool, threshold: \">= 0.8\"}", // 40
            "    expected-duration: 120s",                                                    // 41
        ],
        [Profile] =
        [
            "name: p78",                                                                      // 1
            "numerology: 1",                                                                  // 2
            "bandwidth: 100MHz",                                                              // 3
            "eaxc-id-bits: {du-port: 2, band-sector: 6, cc: 4, ru-port: 4}",                  // 4
            "compression:",                                                                   // 5
            "  dl: {method: bfp, iq-width: 9}",                                               // 6
            "  ul: {method: bfp, iq-width: 9}",                                               // 7
            "duplex: tdd",                                                                    // 8
            "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}",          // 9
        ],
        [Operator] =
        [
            "name: Op A",                                                                     // 1
            "vendors: [acme, beta]",                                                          // 2
            "m-plane-profile: hierarchical-sudo",                                             // 3
            "sync-topologies: [lls-c3]",                                                      // 4
            "bands:",                                                                         // 5
            "  - {band: n78-city, fronthaul-profile: p78, iot-profile: NR-TDD-FR1-CAT-A-NoBF}", // 6
            "needs:",                                                                         // 7
            "  - id: fast",                                                                   // 8
            "    kind: quality-first",                                                        // 9
            "    thresholds:",                                                                // 10
            "      throughput: {dl-throughput-ratio: \">= 0.9\"}",                            // 11
        ],
        [Campaign] =
        [
            "operators: [op-a]",                                                              // 1
            "cases: all",                                                                     // 2
        ],
    }.ToImmutableSortedDictionary(f => f.Key, f => f.Value.ToImmutableArray(), StringComparer.Ordinal));

    /// <summary>The plan with line <paramref name="line"/> (1-based) of a file replaced; null removes it.</summary>
    public PlanText With(string file, int line, string? replacement)
    {
        var lines = _files[file];
        Assert.That(line, Is.InRange(1, lines.Length), $"{file} has {lines.Length} lines");
        return new PlanText(_files.SetItem(file, replacement is null ? lines.RemoveAt(line - 1) : lines.SetItem(line - 1, replacement)));
    }

    /// <summary>The plan with lines appended to a file.</summary>
    public PlanText Plus(string file, params string[] more) => new(_files.SetItem(file, _files[file].AddRange(more)));

    /// <summary>The plan with a file added or replaced.</summary>
    public PlanText File(string file, params string[] lines) => new(_files.SetItem(file, [.. lines]));

    public PlanText Without(string file) => new(_files.Remove(file));

    public string Text(string file) => string.Join('\n', _files[file]) + "\n";

    public IReadOnlyList<PlanSourceFile> Sources =>
        [.. _files.Select(f => new PlanSourceFile(f.Key, $"{Root}/{f.Key}", string.Join('\n', f.Value) + "\n")).OrderBy(f => Order(f.RelativePath)).ThenBy(f => f.RelativePath, StringComparer.Ordinal)];

    /// <summary>Loads the plan (personality files checked only when <paramref name="personalities"/> is given).</summary>
    public TestPlan Load(Func<string, bool>? personalities = null) => TestPlanLoader.Load(Root, Sources, personalities);

    /// <summary>The errors, as <c>file:line:col: path: message</c>; fails when the plan loads.</summary>
    public IReadOnlyList<string> Errors(Func<string, bool>? personalities = null)
    {
        try
        {
            Load(personalities);
        }
        catch (PlanValidationException ex)
        {
            return [.. ex.Errors.Select(e => e.ToString())];
        }

        Assert.Fail("the plan loaded although it is invalid");
        return [];
    }

    /// <summary>The loading order of the directory loader (folders in layout order).</summary>
    private static int Order(string relative)
    {
        string folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
        return TestPlanLoader.Layout.Select(l => l.Folder).ToList().IndexOf(folder);
    }
}
