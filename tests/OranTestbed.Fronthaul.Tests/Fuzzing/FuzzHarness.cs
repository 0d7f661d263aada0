using System.Buffers;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Inspection;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Puts one frame through every consumer of the decoder — <see cref="DecodeTally"/>, <see cref="FrameJsonWriter"/>
/// with IQ (which touches every lazily computed field: extension fields, SE1/SE11 weights, ST6 samples, U-plane
/// decompression) and <see cref="FrameTextWriter"/> — and checks the contract: no exception, one status per frame,
/// the same first error from each, and a well-formed error (defined code, non-empty field and reason, offset inside
/// [0, frame length]; the length itself is legal because a truncation points at the end of the frame).
/// Returns null when the frame passes, else what went wrong. Not thread-safe: one harness per thread.
/// </summary>
public sealed class FuzzHarness : IDisposable
{
    private readonly Dictionary<FronthaulDecodeOptions, Renderers> _renderers = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);

    public long Frames { get; private set; }

    public long Malformed { get; private set; }

    /// <summary>Frames per first-error code (index = <see cref="DecodeErrorCode"/>), to show what the fuzzer reached.</summary>
    public long[] ErrorCodes { get; } = new long[Enum.GetValues<DecodeErrorCode>().Length];

    public string? Check(ReadOnlySpan<byte> frame, FronthaulDecodeOptions options)
    {
        Frames++;
        var tally = new DecodeTally();
        var error = FrameDecoder.Decode(frame, options, ref tally, out var kind);
        if (!Enum.IsDefined(kind))
        {
            return $"undefined frame kind {kind}";
        }

        string? problem = CheckError(error, frame.Length);
        if (problem is not null)
        {
            return problem;
        }

        if (tally.MalformedFrames != (error.IsError ? 1 : 0))
        {
            return $"OnError was called {tally.MalformedFrames} times for {error}";
        }

        if (error.IsError)
        {
            Malformed++;
            ErrorCodes[(int)error.Code]++;
        }

        var renderers = RenderersFor(options);
        try
        {
            return Render(renderers, frame, error);
        }
        catch
        {
            // A writer interrupted mid-frame keeps its half-open JSON state; start the next frame with fresh ones
            // so that one finding does not echo through every later frame.
            _renderers.Remove(options);
            renderers.Json.Dispose();
            throw;
        }
    }

    private string? Render(Renderers renderers, ReadOnlySpan<byte> frame, DecodeError error)
    {
        _json.ResetWrittenCount();
        var jsonError = renderers.Json.WriteFrame(Frames, 1_700_000_000_000_000_000, frame);
        if (jsonError != error)
        {
            return $"FrameJsonWriter saw {jsonError}, the decoder {error}";
        }

        if (_json.WrittenCount == 0)
        {
            return "FrameJsonWriter wrote nothing";
        }

        string line = renderers.Text.Describe(Frames, 1_700_000_000_000_000_000, frame, out var textError);
        if (textError != error)
        {
            return $"FrameTextWriter saw {textError}, the decoder {error}";
        }

        return line.Length == 0 ? "FrameTextWriter wrote nothing" : null;
    }

    private static string? CheckError(DecodeError error, int frameLength)
    {
        if (!error.IsError)
        {
            return null;
        }

        if (!Enum.IsDefined(error.Code))
        {
            return $"undefined error code {(int)error.Code}";
        }

        if (string.IsNullOrEmpty(error.Field) || string.IsNullOrEmpty(error.Reason))
        {
            return $"error without field or reason: {error}";
        }

        if ((uint)error.Offset > (uint)frameLength)
        {
            return $"error offset outside the frame of {frameLength} bytes: {error}";
        }

        return error.CodeName.Length == 0 ? $"error without code name: {error}" : null;
    }

    private Renderers RenderersFor(FronthaulDecodeOptions options)
    {
        if (!_renderers.TryGetValue(options, out var renderers))
        {
            renderers = new Renderers(new FrameJsonWriter(_json, options, includeIq: true), new FrameTextWriter(options));
            _renderers.Add(options, renderers);
        }

        return renderers;
    }

    public void Dispose()
    {
        foreach (var renderers in _renderers.Values)
        {
            renderers.Json.Dispose();
        }
    }

    private sealed record Renderers(FrameJsonWriter Json, FrameTextWriter Text);
}
