using OranTestbed.Emulation;

namespace OranTestbed.Cli.Commands;

/// <summary>A validated <c>emulate</c> command line: the emulation and where its frames go.</summary>
internal sealed record EmulateRequest(EmulationOptions Options, string? OutFile, string? Interface,
    string? NetworkNamespace, bool Analyze);
