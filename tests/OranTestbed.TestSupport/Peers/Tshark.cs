using System.Diagnostics;
using System.Globalization;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// Runs the real Wireshark dissectors (tshark 4.0.17 on Debian 12) as the decoding oracle.
/// tshark is installed by the README's test command (tools/setup/install-system-packages.sh); when it is missing the
/// spec fails in CI and is skipped locally, naming that script (<see cref="MissingPeer"/>). Specs using it carry
/// <c>[Category(PeerCategories.Tshark)]</c>.
/// </summary>
public static class Tshark
{
    public const string Executable = "tshark";

    public const string Setup = "tools/setup/install-system-packages.sh";

    /// <summary>Returns when <paramref name="program"/> (tshark, or a Wireshark tool such as editcap) is on PATH; otherwise <see cref="MissingPeer.Report"/>.</summary>
    public static void Require(string program = Executable)
    {
        if (!MissingPeer.OnPath(program))
        {
            MissingPeer.Report($"{program} is not installed (Wireshark's dissectors are the decoding oracle of these specs)", Setup);
        }
    }

    /// <summary>Preferences matching our decoder options for eAxC split, static compression and udCompHdr.</summary>
    public static IReadOnlyList<string> OranPreferences(int du, int bs, int cc, int ru, string? dlComp = null,
        int? dlWidth = null, string? ulComp = null, int? ulWidth = null, bool compHdrDown = false,
        bool compHdrUp = false, int prbs = 273)
    {
        var prefs = new List<string>
        {
            $"oran_fh_cus.oran.du_port_id_bits:{du}", $"oran_fh_cus.oran.bandsector_id_bits:{bs}",
            $"oran_fh_cus.oran.cc_id_bits:{cc}", $"oran_fh_cus.oran.ru_port_id_bits:{ru}",
            $"oran_fh_cus.oran.ud_comp_hdr_down:{(compHdrDown ? "TRUE" : "FALSE")}",
            $"oran_fh_cus.oran.ud_comp_hdr_up:{(compHdrUp ? "TRUE" : "FALSE")}",
            $"oran_fh_cus.oran.rbs_in_uplane_section:{prbs}",
        };
        if (dlComp is not null) prefs.Add($"oran_fh_cus.oran.ud_comp_down:{dlComp}");
        if (dlWidth is not null) prefs.Add($"oran_fh_cus.oran.iq_bitwidth_down:{dlWidth}");
        if (ulComp is not null) prefs.Add($"oran_fh_cus.oran.ud_comp_up:{ulComp}");
        if (ulWidth is not null) prefs.Add($"oran_fh_cus.oran.iq_bitwidth_up:{ulWidth}");
        return prefs;
    }

    /// <summary>
    /// Decodes <paramref name="pcap"/> and returns, per frame, each requested field's occurrences
    /// (all occurrences, in document order; an absent field maps to an empty list).
    /// </summary>
    public static IReadOnlyList<TsharkFrame> Fields(string pcap, IEnumerable<string> fields,
        IEnumerable<string>? preferences = null, IEnumerable<string>? extraArguments = null)
    {
        Require();
        var fieldList = fields.ToList();
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-n", "-r", pcap, "-T", "fields", "-E", "header=y", "-E", "separator=/t",
                     "-E", "occurrence=a", "-E", "aggregator=|" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var p in preferences ?? [])
        {
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add(p);
        }

        foreach (var a in extraArguments ?? [])
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var f in fieldList)
        {
            psi.ArgumentList.Add("-e");
            psi.ArgumentList.Add(f);
        }

        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            MissingPeer.Report($"tshark did not start ({ex.Message})", Setup);
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, () => $"tshark failed: {stderr.Result}");
            var header = lines[0].Split('\t');
            return lines.Skip(1).Select(l =>
            {
                var cells = l.Split('\t');
                var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                for (int i = 0; i < header.Length; i++)
                {
                    string cell = i < cells.Length ? cells[i] : "";
                    map[header[i]] = cell.Length == 0 ? [] : cell.Split('|');
                }

                return new TsharkFrame(map);
            }).ToList();
        }
    }
}

/// <summary>One tshark output row: field name → occurrences.</summary>
public sealed class TsharkFrame(IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
{
    public IReadOnlyList<string> All(string field) => fields.TryGetValue(field, out var v) ? v : [];

    /// <summary>Every occurrence parsed as an integer (decimal, or 0x-prefixed hex as tshark prints BASE_HEX).</summary>
    public IReadOnlyList<long> Numbers(string field) => All(field).Select(ParseLong).ToList();

    public long Number(string field, int occurrence = 0)
    {
        var all = All(field);
        Assert.That(all, NUnit.Framework.Has.Count.GreaterThan(occurrence), $"tshark gave no occurrence {occurrence} of {field}");
        return ParseLong(all[occurrence]);
    }

    public bool Contains(string field) => All(field).Count > 0;

    public static long ParseLong(string s) =>
        s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(s, CultureInfo.InvariantCulture);
}
