using System.Globalization;
using System.Text;

namespace OranTestbed.Benchmarks.Plans;

/// <summary>
/// Writes a generated plan directory at the scale issue 5 asks for: 10 vendors per role (one O-DU, O-RU or O-CU each),
/// 6 bands (4 TDD at 30 kHz, 2 FDD at 15 kHz), 4 operator profiles using every vendor and band, 40 cases, and a campaign
/// "scale" running them all. Capabilities vary by index so that a realistic share of combinations and executions is
/// excluded (bands, BFP width, S-plane topology, section type 3, F1AP version, M-plane model). Shared by the benchmark
/// and the Plans specs.
/// </summary>
public static class ScalePlan
{
    public const int VendorsPerRole = 10;
    public const int Bands = 6;
    public const int Operators = 4;
    public const int Cases = 40;

    private static readonly (string Id, string Band, int Arfcn, bool Tdd)[] BandRows =
    [
        ("n78-a", "n78", 640_000, true), ("n77-a", "n77", 660_000, true), ("n79-a", "n79", 720_000, true),
        ("n41-a", "n41", 518_598, true), ("n28-a", "n28", 155_600, false), ("n1-a", "n1", 428_000, false),
    ];

    private static readonly string[] Groups = ["m-plane", "s-plane", "cu-plane", "delay-management", "compression", "prach"];
    private static readonly string[] Statuses = ["mandatory", "optional", "mandatory", "optional"];
    private static readonly string[] OperatorSync = ["[lls-c1, lls-c3]", "[lls-c2, lls-c3]", "[lls-c3]", "[lls-c1, lls-c2, lls-c3]"];

    /// <summary>Writes the plan under <paramref name="directory"/> (created if needed) and returns the campaign file.</summary>
    public static string Write(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (int i = 0; i < VendorsPerRole; i++)
        {
            File(directory, $"lab/vendors/du-vendor-{i}.yaml", DuVendor(i));
            File(directory, $"lab/vendors/ru-vendor-{i}.yaml", RuVendor(i));
            File(directory, $"lab/vendors/cu-vendor-{i}.yaml", CuVendor(i));
        }

        File(directory, "lab/benches.yaml", "benches:\n  - {id: emulated, kind: emulated}\n");
        foreach (var (id, band, arfcn, tdd) in BandRows)
        {
            File(directory, $"bands/{id}.yaml", tdd
                ? $"band: {band}\nenvironment: urban\narfcn: {arfcn}\nbandwidth: 100MHz\nsubcarrier-spacing: 30kHz\n"
                  + "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}\n"
                : $"band: {band}\nenvironment: rural\narfcn: {arfcn}\nbandwidth: 20MHz\nsubcarrier-spacing: 15kHz\n");
        }

        File(directory, "profiles/tdd-100.yaml", "name: tdd-100\nnumerology: 1\nbandwidth: 100MHz\n"
            + "eaxc-id-bits: {du-port: 2, band-sector: 6, cc: 4, ru-port: 4}\n"
            + "compression: {dl: {method: bfp, iq-width: 9}, ul: {method: bfp, iq-width: 9}}\n"
            + "duplex: tdd\ntdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}\n");
        File(directory, "profiles/fdd-20.yaml", "name: fdd-20\nnumerology: 0\nbandwidth: 20MHz\n"
            + "eaxc-id-bits: {du-port: 2, band-sector: 6, cc: 4, ru-port: 4}\n"
            + "compression: {dl: {method: bfp, iq-width: 14}, ul: {method: bfp, iq-width: 14}}\nduplex: fdd\n");
        File(directory, "iot/profiles/tdd.yaml", Iot("NR-TDD-FR1-CAT-A-NoBF", "tdd", "30kHz"));
        File(directory, "iot/profiles/fdd.yaml", Iot("NR-FDD-FR1(15kHzSCS)-CAT-A-NoBF", "fdd", "15kHz"));
        File(directory, "iot/cases/generated.yaml", CaseFile());
        for (int o = 0; o < Operators; o++)
        {
            File(directory, $"operators/operator-{o}.yaml", OperatorFile(o));
        }

        string campaign = "campaigns/scale.yaml";
        File(directory, campaign, $"operators: [{string.Join(", ", Enumerable.Range(0, Operators).Select(o => $"operator-{o}"))}]\ncases: all\n");
        return Path.Combine(directory, campaign);
    }

    private static string DuVendor(int i) => $$"""
        name: DU vendor {{i}}
        products:
          - id: du
            role: o-du
            model: DU {{i}}
            versions: {hardware: "1", software: "1.{{i}}", firmware: "1"}
            capabilities:
              max-bandwidth: 100MHz
              numerologies: [0, 1]
              categories: [A]
              compression: [{method: bfp, widths: [9, 14], dynamic: true}]
              eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]
              section-types: {{(i % 5 == 4 ? "[1]" : "[1, 3]")}}
              mtu: 9000
              u-plane-fragmentation: true
              link-speeds: [10G, 25G]
              sync-topologies: [lls-c1, lls-c2, lls-c3]
              m-plane-profiles: {{(i % 2 == 0 ? "[hierarchical-sudo, hybrid-sudo-nms]" : "[hierarchical-sudo]")}}
              f1ap-versions: {{(i % 3 == 0 ? "[\"16.4\", \"17.2\"]" : "[\"16.4\"]")}}
            driver: emulated

        """;

    private static string RuVendor(int j)
    {
        bool tdd = j % 2 == 0;
        bool both = j % 4 == 3;
        string bands = both ? "[n78, n77, n79, n41, n28, n1]" : tdd ? "[n78, n77, n79, n41]" : "[n28, n1]";
        string numerologies = both ? "[0, 1]" : tdd ? "[1]" : "[0]";
        return $$"""
            name: RU vendor {{j}}
            products:
              - id: ru
                role: o-ru
                model: RU {{j}}
                versions: {hardware: "1", software: "2.{{j}}", firmware: "1"}
                capabilities:
                  bands: {{bands}}
                  max-bandwidth: {{(tdd || both ? "100MHz" : "20MHz")}}
                  numerologies: {{numerologies}}
                  categories: [A]
                  compression: [{method: bfp, widths: {{(j % 3 == 0 ? "[14]" : "[9, 14]")}}}]
                  eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]
                  section-types: [1, 3]
                  mtu: 9000
                  link-speeds: [25G]
                  sync-topologies: {{(j % 5 == 0 ? "[lls-c1]" : "[lls-c2, lls-c3]")}}
                  m-plane-profiles: [hierarchical-sudo, hybrid-sudo-nms]
                driver: emulated

            """;
    }

    private static string CuVendor(int k) => $$"""
        name: CU vendor {{k}}
        products:
          - id: cu
            role: o-cu
            model: CU {{k}}
            versions: {hardware: "1", software: "3.{{k}}", firmware: "1"}
            capabilities: {f1ap-versions: [{{(k % 2 == 0 ? "\"16.4\"" : "\"17.2\"")}}]}
            driver: emulated

        """;

    private static string Iot(string name, string duplex, string scs) => $$"""
        name: {{name}}
        specification: O-RAN.WG4.IOT.0
        spec-version: "12.00"
        duplex: {{duplex}}
        frequency-range: fr1
        subcarrier-spacings: [{{scs}}]
        category: A
        beamforming: none
        compression: [{method: bfp, widths: [8, 9, 14]}]
        eaxc-id-bits: [{du-port: 2, band-sector: 6, cc: 4, ru-port: 4}]
        section-types: [0, 1, 3]
        sync-topologies: [lls-c1, lls-c2, lls-c3]
        fronthaul-links: [10G, 25G]

        """;

    private static string CaseFile()
    {
        var text = new StringBuilder("cases:\n");
        for (int c = 0; c < Cases; c++)
        {
            var requires = new List<string>();
            if (c % 6 == 5)
            {
                requires.Add("o-cu: true");
            }

            if (c % 5 == 4)
            {
                requires.Add("section-types: [3]");
            }

            if (c % 7 == 6)
            {
                requires.Add("sync-topologies: [lls-c3]");
            }

            if (c % 9 == 8)
            {
                requires.Add("m-plane-profiles: [hybrid-sudo-nms]");
            }

            text.Append(CultureInfo.InvariantCulture, $$"""
                  - id: case-{{c:00}}
                    name: Generated case {{c}}
                    group: {{Groups[c % Groups.Length]}}
                    status: {{Statuses[c % Statuses.Length]}}
                    reference: generated
                    requires: {{{string.Join(", ", requires)}}}

                """);
            if (c % 8 == 7)
            {
                text.Append(CultureInfo.InvariantCulture, $"    depends-on: [case-{c - 1:00}]\n");
            }

            text.Append("""
                    procedure:
                      - configure
                      - start-traffic: {direction: both, load: 100%}
                      - capture: {duration: 2s}
                      - stop-traffic
                      - analyze
                    metrics:
                      - {id: late-ratio, description: late messages, unit: ratio, source: analyzer, threshold: "<= 0"}
                    expected-duration: 60s

                """);
        }

        return text.ToString();
    }

    private static string OperatorFile(int o)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"name: Operator {o}\n");
        text.Append("vendors: [").AppendJoin(", ", Enumerable.Range(0, VendorsPerRole)
            .SelectMany(i => new[] { $"du-vendor-{i}", $"ru-vendor-{i}", $"cu-vendor-{i}" })).Append("]\n");
        text.Append("m-plane-profile: hierarchical-sudo\n");
        text.Append(CultureInfo.InvariantCulture, $"sync-topologies: {OperatorSync[o % OperatorSync.Length]}\n");
        text.Append("bands:\n");
        foreach (var (id, _, _, tdd) in BandRows)
        {
            text.Append(tdd
                ? $"  - {{band: {id}, fronthaul-profile: tdd-100, iot-profile: NR-TDD-FR1-CAT-A-NoBF}}\n"
                : $"  - {{band: {id}, fronthaul-profile: fdd-20, iot-profile: NR-FDD-FR1(15kHzSCS)-CAT-A-NoBF}}\n");
        }

        text.Append(o switch
        {
            0 => "needs:\n  - {id: quality, kind: quality-first, mandatory-cases: [case-01, case-03], thresholds: {case-00: {late-ratio: \"<= 0\"}}}\n",
            1 => "needs:\n  - {id: cost, kind: cost-first, skip-cases: [case-11, case-13]}\n",
            _ => "",
        });
        return text.ToString();
    }

    private static void File(string directory, string relative, string text)
    {
        string path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }
}
