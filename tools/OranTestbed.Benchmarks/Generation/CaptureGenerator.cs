using System.Globalization;
using OranTestbed.Capture.Files;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// The <c>generate</c> command: writes the benchmark capture (nanosecond pcap) and prints the decoder options and
/// tshark preferences that match it.
/// <code>
/// generate [--out PATH] [--size BYTES|100MB] [--jumbo] [--max-frame BYTES] [--eaxcs N] [--seed N] [--no-ptp]
/// </code>
/// </summary>
public static class CaptureGenerator
{
    public const long DefaultSize = 100L * 1000 * 1000;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string output = "oran-fh-273prb-bfp9.pcap";
        long size = DefaultSize;
        var profile = new TrafficProfile();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    output = args[++i];
                    break;
                case "--size":
                    size = ParseSize(args[++i]);
                    break;
                case "--jumbo":
                    profile = profile with { Jumbo = true };
                    break;
                case "--max-frame":
                    profile = profile with { MaxFrameBytes = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--eaxcs":
                    profile = profile with { Eaxcs = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--seed":
                    profile = profile with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--no-ptp":
                    profile = profile with { Ptp = false };
                    break;
                default:
                    Console.Error.WriteLine($"generate: unknown option '{args[i]}'");
                    Console.Error.WriteLine(
                        "usage: generate [--out PATH] [--size BYTES|100MB] [--jumbo] [--max-frame BYTES] [--eaxcs N] [--seed N] [--no-ptp]");
                    return 2;
            }
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        long frames;
        long frameBytes = 0;
        using (var writer = new CaptureFileWriter(output))
        {
            frames = new FronthaulTrafficGenerator(profile).Generate(size, (frame, timestamp) =>
            {
                writer.Write(frame, timestamp);
                frameBytes += frame.Length;
            });
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"wrote {output}: {new FileInfo(output).Length:N0} bytes, {frames:N0} frames, {frameBytes:N0} frame bytes (avg {(double)frameBytes / frames:F1} B) in {started.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"traffic: {profile.Describe()}");
        Console.WriteLine($"oran-testbed decode options: {TrafficProfile.CliArguments}");
        Console.WriteLine($"tshark preferences: {string.Join(' ', TrafficProfile.TsharkPreferences.Select(p => $"-o '{p}'"))}");
        return 0;
    }

    /// <summary>Bytes, or a number with suffix kB/MB/GB (powers of 1000) or KiB/MiB/GiB.</summary>
    public static long ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string suffix, long factor)[] units =
        [
            ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("kB", 1000), ("KB", 1000), ("MB", 1000_000),
            ("GB", 1000_000_000), ("B", 1),
        ];
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (long)(double.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor);
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
