using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>The first input that broke the decoder in one way, with what is needed to replay it.</summary>
public sealed record FuzzFailure(string Signature, string Problem, string Seed, string Mutation,
    FronthaulDecodeOptions Options, string FrameHex)
{
    public override string ToString() =>
        $"{Problem}\n  seed {Seed}, mutation {Mutation}\n  options {FuzzOptions.Describe(Options)}\n  frame ({FrameHex.Length / 2} bytes) {FrameHex}";
}
