using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Inspection;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Cli.Commands;

/// <summary>Reads a capture frame by frame and renders each decoded frame; the loop behind <c>decode</c>.</summary>
internal static class CaptureDecoding
{
    public static int Run(CaptureDecodeRequest request, Stream output, TextWriter diagnostics, ILogger? logger = null)
    {
        CaptureFileReader reader;
        try
        {
            reader = new CaptureFileReader(request.CapturePath, new CaptureFileReaderOptions { Filter = request.Filter }, logger);
        }
        catch (CaptureFileException ex)
        {
            diagnostics.WriteLine($"oran-testbed decode: {ex.Message}");
            return ExitCodes.InputError;
        }

        // Not disposed: disposing a BufferedStream closes the caller's stream (stdout), which the caller owns.
        var buffered = new BufferedStream(output, 1 << 16);
        using (reader)
        {
            FrameTotals totals;
            try
            {
                totals = request.Format switch
                {
                    DecodeFormat.Jsonl => WriteJson(reader, request, buffered),
                    DecodeFormat.Text => WriteText(reader, request, buffered),
                    _ => Count(reader, request, buffered),
                };
                buffered.Flush();
            }
            catch (IOException ex)
            {
                // A full disk behind a redirection (or /dev/full): what was decoded did not reach the output.
                diagnostics.WriteLine($"oran-testbed decode: cannot write the output: {ex.Message}");
                return ExitCodes.CannotCreate;
            }

            if (reader.Summary is { Frames: > 0, FirstTimestampNanoseconds: < AirTimeClock.MinTimestampNs })
            {
                // Decoding needs no clock, but the analysis will: say so while the user is looking at this capture.
                diagnostics.WriteLine("oran-testbed decode: note: the timestamps start before 1972 (a relative-time capture, as test equipment writes): analyze cannot place its messages in air time; capture with an absolute clock");
            }

            if (reader.Error is { } error)
            {
                diagnostics.WriteLine($"oran-testbed decode: {error.Message}");
                return ExitCodes.InputError;
            }

            if (totals.Malformed > 0)
            {
                diagnostics.WriteLine(
                    $"oran-testbed decode: {totals.Malformed} of {totals.Frames} frame(s) malformed");
                return ExitCodes.Defects;
            }

            return ExitCodes.Success;
        }
    }

    private static FrameTotals WriteJson(CaptureFileReader reader, CaptureDecodeRequest request, Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new FrameJsonWriter(buffer, request.Options, request.IncludeIq);
        var totals = new FrameTotals();
        while (reader.TryReadNext(out var frame))
        {
            var error = json.WriteFrame(frame.Number, frame.TimestampNanoseconds, frame.Data);
            totals.Add(error);
            buffer.Write("\n"u8);
            output.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }

        return totals;
    }

    private static FrameTotals WriteText(CaptureFileReader reader, CaptureDecodeRequest request, Stream output)
    {
        var text = new FrameTextWriter(request.Options);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var totals = new FrameTotals();
        while (reader.TryReadNext(out var frame))
        {
            writer.WriteLine(text.Describe(frame.Number, frame.TimestampNanoseconds, frame.Data, out var error));
            totals.Add(error);
        }

        return totals;
    }

    private static FrameTotals Count(CaptureFileReader reader, CaptureDecodeRequest request, Stream output)
    {
        var tally = new DecodeTally();
        var kinds = new long[4];
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (reader.TryReadNext(out var frame))
        {
            FrameDecoder.Decode(frame.Data, request.Options, ref tally, out var kind);
            kinds[(int)kind]++;
            bytes += frame.Data.Length;
        }

        clock.Stop();
        long frames = kinds.Sum();
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true);
        DecodeTallyReport.Write(writer, tally, frames, bytes, kinds, clock.Elapsed);
        return new FrameTotals { Frames = frames, Malformed = tally.MalformedFrames };
    }

    private struct FrameTotals
    {
        public long Frames;
        public long Malformed;

        public void Add(DecodeError error)
        {
            Frames++;
            if (error.IsError)
            {
                Malformed++;
            }
        }
    }
}
