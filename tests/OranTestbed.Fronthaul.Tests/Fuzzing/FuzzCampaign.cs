using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Runs a number of mutated frames through a <see cref="FuzzHarness"/> on a few worker threads, each with its own
/// seeded <see cref="FrameMutator"/> (deterministic for a given seed and worker count). Collects the first input of
/// every distinct failure instead of stopping at the first, so one run shows every bug. A watchdog turns a frame
/// that takes longer than <see cref="StallLimit"/> into a "hang" failure with that frame's bytes, and the test's
/// cancellation token (NUnit [CancelAfter]) stops the campaign cooperatively.
/// </summary>
public sealed class FuzzCampaign
{
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(20);

    private const int MaxDistinctFailures = 25;

    private readonly ConcurrentDictionary<string, FuzzFailure> _failures = new(StringComparer.Ordinal);
    private readonly Mutation[] _mutations;
    private readonly int _seed;
    private long _frames;
    private long _malformed;
    private readonly long[] _errorCodes = new long[Enum.GetValues<DecodeErrorCode>().Length];
    private volatile bool _stop;

    public FuzzCampaign(int seed, params Mutation[] mutations)
    {
        _seed = seed;
        _mutations = mutations;
    }

    public IReadOnlyCollection<FuzzFailure> Failures => _failures.Values.ToList();

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Worker threads: every core of a small CI box, at most 4.</summary>
    public static int Workers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Frames across the fuzz campaigns in CI (the sum of the tests' own counts).</summary>
    public const long CiTotalFrames = 2_500_000;

    /// <summary>
    /// The frame count for a test: <paramref name="ciFrames"/>, or its share of ORAN_FUZZ_FRAMES when that is set
    /// (the total across all campaigns, e.g. 20000000 for a long local run).
    /// </summary>
    public static long Scaled(long ciFrames)
    {
        string? text = Environment.GetEnvironmentVariable("ORAN_FUZZ_FRAMES");
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long total) && total > 0
            ? Math.Max(1, ciFrames * total / CiTotalFrames)
            : ciFrames;
    }

    /// <summary>Runs <paramref name="frames"/> frames; returns a summary line; failures are in <see cref="Failures"/>.</summary>
    public string Run(long frames, CancellationToken cancellation)
    {
        var seeds = FuzzCorpus.Seeds;
        int workers = Workers;
        var threads = new Worker[workers];
        var clock = Stopwatch.StartNew();
        for (int w = 0; w < workers; w++)
        {
            long share = (frames / workers) + (w < frames % workers ? 1 : 0);
            threads[w] = new Worker(this, new FrameMutator(HashCode.Combine(_seed, w), seeds), share);
            threads[w].Start();
        }

        bool cancelled = false;
        foreach (var worker in threads)
        {
            while (!worker.Join(TimeSpan.FromMilliseconds(250)))
            {
                if (cancellation.IsCancellationRequested && !cancelled)
                {
                    cancelled = true;
                    _stop = true;
                }

                if (worker.Stalled(out var stalled))
                {
                    _failures.TryAdd("hang", stalled);
                    _stop = true;
                    return $"hang: a frame ran longer than {StallLimit.TotalSeconds} s";
                }
            }
        }

        if (cancelled)
        {
            _failures.TryAdd("timeout", new FuzzFailure("timeout", $"cancelled by [CancelAfter] after {Frames} of {frames} frames",
                "-", "-", FronthaulDecodeOptions.Default, ""));
        }

        var codes = new StringBuilder();
        for (int code = 1; code < _errorCodes.Length; code++)
        {
            codes.Append(CultureInfo.InvariantCulture, $" {DecodeError.NameOf((DecodeErrorCode)code)}={_errorCodes[code]}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{Frames} frames on {workers} threads in {clock.Elapsed.TotalSeconds:F1} s ({Frames / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0}/s), "
            + $"{Interlocked.Read(ref _malformed)} malformed:{codes}; {_failures.Count} distinct failure(s)");
    }

    private void Record(string signature, string problem, FuzzSeed seed, string mutation, FronthaulDecodeOptions options,
        ReadOnlySpan<byte> frame)
    {
        if (_failures.Count < MaxDistinctFailures && !_failures.ContainsKey(signature))
        {
            _failures.TryAdd(signature, new FuzzFailure(signature, problem, seed.Name, mutation, options, Convert.ToHexString(frame)));
        }
    }

    /// <summary>Where an exception was thrown: its type and the first frame of our code, to group duplicates.</summary>
    private static string SignatureOf(Exception exception)
    {
        var trace = new StackTrace(exception, false);
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType?.Namespace?.StartsWith("OranTestbed.Fronthaul", StringComparison.Ordinal) == true)
            {
                return $"{exception.GetType().Name} in {method.DeclaringType.Name}.{method.Name}";
            }
        }

        return exception.GetType().Name + ": " + exception.Message;
    }

    private sealed class Worker
    {
        private readonly FuzzCampaign _campaign;
        private readonly FrameMutator _mutator;
        private readonly long _frames;
        private readonly Thread _thread;
        private long _frameStarted;
        private volatile FuzzSeed? _seed;
        private volatile FronthaulDecodeOptions? _options;
        private volatile string _mutation = "";

        public Worker(FuzzCampaign campaign, FrameMutator mutator, long frames)
        {
            _campaign = campaign;
            _mutator = mutator;
            _frames = frames;
            _thread = new Thread(Loop, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz" };
        }

        public void Start() => _thread.Start();

        public bool Join(TimeSpan timeout) => _thread.Join(timeout);

        public bool Stalled(out FuzzFailure failure)
        {
            long started = Interlocked.Read(ref _frameStarted);
            if (started == 0 || Stopwatch.GetElapsedTime(started) < StallLimit || _seed is null || _options is null)
            {
                failure = null!;
                return false;
            }

            // The worker is stuck inside the decoder, so the buffer is not changing under us.
            failure = new FuzzFailure("hang", $"no result after {StallLimit.TotalSeconds} s (endless loop?)", _seed.Name,
                _mutation, _options, Convert.ToHexString(_mutator.Frame));
            return true;
        }

        private void Loop()
        {
            var mutations = _campaign._mutations;
            using var harness = new FuzzHarness();
            for (long i = 0; i < _frames && !_campaign._stop; i++)
            {
                var seed = _mutator.PickSeed();
                var mutation = mutations[(int)(i % mutations.Length)];
                _mutator.Mutate(seed, mutation);
                var options = _mutator.PickOptions(seed);
                _seed = seed;
                _options = options;
                _mutation = mutation.ToString();
                Interlocked.Exchange(ref _frameStarted, Stopwatch.GetTimestamp());
                try
                {
                    string? problem = harness.Check(_mutator.Frame, options);
                    if (problem is not null)
                    {
                        _campaign.Record(problem.Split(':')[0], problem, seed, _mutation, options, _mutator.Frame);
                    }
                }
#pragma warning disable CA1031 // The fuzzer's job is to catch every exception the decoder lets out.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _campaign.Record(SignatureOf(exception), exception.ToString(), seed, _mutation, options, _mutator.Frame);
                }

                Interlocked.Exchange(ref _frameStarted, 0);
            }

            Interlocked.Add(ref _campaign._frames, harness.Frames);
            Interlocked.Add(ref _campaign._malformed, harness.Malformed);
            for (int code = 0; code < harness.ErrorCodes.Length; code++)
            {
                Interlocked.Add(ref _campaign._errorCodes[code], harness.ErrorCodes[code]);
            }
        }
    }
}
