using OranTestbed.Cli.Tests.Support;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// The shared 7-frame reference capture (testplans/captures) through <c>oran-testbed decode</c>: its jsonl must equal,
/// field by field, the stored tshark 4.0.17 decode (synthetic_oran_fh_min.tshark-4.0.17.tsv), IQ samples included.
/// </summary>
public class SharedCaptureDecodeSpecs
{
    /// <summary>The wire configuration the .tsv was produced with (captures/README.md): 4/4/4/4, DL udCompHdr, 9 bits.</summary>
    internal static readonly FronthaulDecodeOptions Options = new()
    {
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        UdCompHdrPresent = true,
        DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
    };

    private static readonly int[] Exponents34 = [3, 4];

    private static string TsvPath => Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures",
        "synthetic_oran_fh_min.tshark-4.0.17.tsv");

    /// <summary>The stored -T fields dump (-E aggregator=,) as tshark rows.</summary>
    private static (List<string> Columns, List<TsharkFrame> Rows) ReadTsv()
    {
        var lines = File.ReadAllLines(TsvPath);
        var columns = lines[0].Split('\t').ToList();
        var rows = lines.Skip(1).Select(line =>
        {
            var cells = line.Split('\t');
            var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Count; i++)
            {
                string cell = i < cells.Length ? cells[i] : "";
                map[columns[i]] = cell.Length == 0 ? [] : cell.Split(',');
            }

            return new TsharkFrame(map);
        }).ToList();
        return (columns, rows);
    }

    [Test]
    public void Decode_jsonl_of_the_shared_capture_must_equal_the_stored_tshark_decode_field_by_field()
    {
        var result = CliDecode.Run(TestPaths.SharedCapture, Options, iq: true);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var frames = JsonLines.Parse(result);
        var (columns, rows) = ReadTsv();
        Assert.That(frames, Has.Count.EqualTo(7));
        Assert.That(rows, Has.Count.EqualTo(7));
        Assert.That(columns.Where(c => !Tshark40JsonView.ComparedFields.Contains(c)), Is.Empty,
            "every column of the stored decode is compared");

        int compared = 0;
        var settings = new Tshark40JsonView.Settings(DownlinkIqWidth: 9, UplinkIqWidth: 14);
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < frames.Count; i++)
            {
                var ours = Tshark40JsonView.Of(frames[i], settings);
                foreach (var column in columns)
                {
                    var theirs = rows[i].All(column);
                    var mine = ours.TryGetValue(column, out var list) ? list : [];
                    Assert.That(mine.Count, Is.EqualTo(theirs.Count),
                        $"frame {i + 1} {column}: tsv [{string.Join(",", theirs)}], ours [{string.Join(",", mine.Select(m => m.Text))}]");
                    for (int k = 0; k < Math.Min(mine.Count, theirs.Count); k++)
                    {
                        TsharkAgreement.AssertValue(theirs[k], mine[k], $"frame {i + 1} {column}[{k}]");
                        compared++;
                    }
                }
            }
        }

        // 48 IQ values alone in frame 7; the whole file has well over 150 occurrences.
        Assert.That(compared, Is.GreaterThan(150));
    }

    [Test]
    public void Decode_jsonl_of_the_shared_capture_must_give_the_hand_computed_iq_of_frame_7()
    {
        // captures/README.md §3.4: PRB 0 exponent 3, first I mantissa 0x192 = −110 → −880; PRB 1 exponent 4.
        var frames = JsonLines.Parse(CliDecode.Run(TestPaths.SharedCapture, Options, iq: true));
        var section = JsonLines.At(frames[6], "uplane.sections")[0];
        Assert.That(section.GetProperty("exponents").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(Exponents34));
        var samples = section.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.That(samples, Has.Count.EqualTo(48));
        Assert.That(samples[0], Is.EqualTo(-880));
        Assert.That(samples[0] / 8 * 8, Is.EqualTo(samples[0]), "a BFP value is a multiple of 2^exponent");
    }

    [Test]
    public void Decode_time_must_equal_the_pcap_record_timestamp_exactly_with_9_decimals()
    {
        var frames = JsonLines.Parse(CliDecode.Run(TestPaths.SharedCapture, Options));
        var stamps = PcapRecords.Timestamps(TestPaths.SharedCapture);
        Assert.That(frames.Select(f => f.GetProperty("time").GetString()), Is.EqualTo(stamps));
        Assert.That(frames.Select(f => f.GetProperty("frame").GetInt64()), Is.EqualTo(Enumerable.Range(1, 7).Select(i => (long)i)));
        Assert.That(frames.Select(f => f.GetProperty("time").GetString()), Has.All.Match(@"^\d+\.\d{9}$"));
        Assert.That(frames.Select(f => f.GetProperty("len").GetInt64()),
            Is.EqualTo(PcapFile.ReadAll(TestPaths.SharedCapture).Select(b => (long)b.Length)));
    }
}
