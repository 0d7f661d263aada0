using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// A valid frame to mutate, the options it decodes cleanly with, and where its length, count and type fields are
/// (found by decoding it with <see cref="FieldMap"/>), so that mutators can lie in exactly those bytes.
/// </summary>
public sealed class FuzzSeed
{
    public FuzzSeed(string name, byte[] frame, FronthaulDecodeOptions options)
    {
        Name = name;
        Frame = frame;
        Options = options;
        var map = FieldMap.Of(frame, options);
        Fields = map.Fields;
        ContentEnd = map.ContentEnd;
    }

    public string Name { get; }

    public byte[] Frame { get; }

    public FronthaulDecodeOptions Options { get; }

    /// <summary>Length, count and type fields of the frame (never empty: the EtherType is always one).</summary>
    public IReadOnlyList<FieldSpot> Fields { get; }

    /// <summary>Frame offset just past the last message: every shorter cut must be reported as malformed.</summary>
    public int ContentEnd { get; }

    public override string ToString() => Name;
}
