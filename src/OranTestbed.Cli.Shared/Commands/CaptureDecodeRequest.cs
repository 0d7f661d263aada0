using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Cli.Commands;

/// <summary>What to decode and how to show it.</summary>
internal sealed record CaptureDecodeRequest(
    string CapturePath,
    FronthaulDecodeOptions Options,
    DecodeFormat Format,
    bool IncludeIq,
    string? Filter);
