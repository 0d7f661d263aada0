using System.Text;
using OranTestbed.Cli.Commands;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>Runs the decode loop of <c>oran-testbed decode</c> in-process (<see cref="CaptureDecoding.Run"/>).</summary>
internal static class CliDecode
{
    public static CliResult Run(string capture, FronthaulDecodeOptions? options = null,
        DecodeFormat format = DecodeFormat.Jsonl, bool iq = false, string? filter = null)
    {
        var request = new CaptureDecodeRequest(capture, options ?? FronthaulDecodeOptions.Default, format, iq, filter);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int code = CaptureDecoding.Run(request, stdout, stderr);
        // Run disposes the stream it writes through; a MemoryStream still hands out its bytes afterwards.
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
