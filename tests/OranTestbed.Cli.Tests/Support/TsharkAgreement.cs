using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>Compares our JSON frames with tshark 4.0.17's output through <see cref="Tshark40JsonView"/>.</summary>
internal static partial class TsharkAgreement
{
    /// <summary>Expert infos 4.0.17 adds to frames we call sound: its own extLen bookkeeping and unsupported BFW
    /// methods (see Tshark40CPlaneView in the Fronthaul specs).</summary>
    private static readonly string[] ToleratedExperts = ["extlen signalled ", "BFW Compression method "];

    /// <summary>Asserts field-by-field agreement for every frame; returns how many occurrences were compared.</summary>
    public static int AssertAgrees(IReadOnlyList<JsonElement> frames, IReadOnlyList<TsharkFrame> rows,
        Tshark40JsonView.Settings settings, string capture)
    {
        Assert.That(rows, Has.Count.EqualTo(frames.Count), $"{capture}: tshark and our decoder see as many frames");
        Assert.That(frames, Is.Not.Empty, $"{capture}: a comparison over no frames compares nothing");
        int compared = 0;
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < frames.Count; i++)
            {
                var ours = Tshark40JsonView.Of(frames[i], settings);
                string at = $"{capture} frame {i + 1}";
                foreach (var field in Tshark40JsonView.ComparedFields)
                {
                    var theirs = rows[i].All(field);
                    var mine = ours.TryGetValue(field, out var list) ? list : [];
                    Assert.That(mine.Count, Is.EqualTo(theirs.Count),
                        $"{at}: {field} occurrences; tshark [{string.Join(",", theirs)}], ours [{string.Join(",", mine.Select(m => m.Text))}]");
                    for (int k = 0; k < Math.Min(mine.Count, theirs.Count); k++)
                    {
                        AssertValue(theirs[k], mine[k], $"{at}: {field}[{k}]");
                        compared++;
                    }
                }

                var experts = rows[i].All("_ws.expert.message");
                Assert.That(experts.Where(m => !ToleratedExperts.Any(t => m.StartsWith(t, StringComparison.Ordinal))),
                    Is.Empty, $"{at}: tshark expert infos");
                Assert.That(frames[i].GetProperty("errors").GetArrayLength(), Is.Zero, $"{at}: our decoder reports errors");
            }
        }

        return compared;
    }

    public static void AssertValue(string printed, Expected expected, string what)
    {
        if (expected.Exact is not { } exact)
        {
            Assert.That(Normalise(printed), Is.EqualTo(expected.Text), $"{what} = {printed}");
            return;
        }

        // %g with 6 significant digits of the exact value (ties round half to even: allow exactly half a unit), plus
        // one float32 rounding where tshark divides by a non-power of two.
        double tolerance = TsharkIq.HalfUnitOfSixthDigit(exact) * (1 + 1e-9)
                           + (expected.Float32Rounded ? Math.Abs(exact) * Math.Pow(2, -23) : 0);
        double parsed = double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.That(parsed, Is.EqualTo(exact).Within(tolerance), $"{what}: tshark {printed}, ours {exact}");
    }

    /// <summary>tshark text → our text: 0x.. hex to decimal, True/False to 1/0; everything else as printed.</summary>
    public static string Normalise(string cell) =>
        cell.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(cell.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : cell switch
            {
                "True" => "1",
                "False" => "0",
                _ => cell,
            };

    /// <summary>
    /// Every ecpri / oran_fh_cus / ptp / VLAN field tshark emits for <paramref name="pcap"/> (from -T pdml) that is
    /// neither compared nor listed in <see cref="Tshark40JsonView.NotRendered"/>: must be empty.
    /// </summary>
    public static List<string> UnaccountedFields(string pcap, IEnumerable<string> preferences, IEnumerable<string> arguments)
    {
        Tshark.Require();
        var psi = new System.Diagnostics.ProcessStartInfo(Tshark.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-n", "-r", pcap, "-T", "pdml" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var p in preferences)
        {
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add(p);
        }

        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string pdml = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, () => $"tshark failed: {stderr.Result}");
        var known = new HashSet<string>(Tshark40JsonView.ComparedFields, StringComparer.Ordinal);
        known.UnionWith(Tshark40JsonView.NotRendered.Keys);
        return FieldName().Matches(pdml).Select(m => m.Groups[1].Value)
            .Where(n => n.StartsWith("ecpri.", StringComparison.Ordinal) || n.StartsWith("oran_fh_cus.", StringComparison.Ordinal)
                        || n.StartsWith("ptp.", StringComparison.Ordinal) || n.StartsWith("vlan.", StringComparison.Ordinal)
                        || n.StartsWith("ieee8021ad.", StringComparison.Ordinal))
            .Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("<field name=\"([^\"]+)\"")]
    private static partial Regex FieldName();
}
