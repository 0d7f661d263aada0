namespace OranTestbed.Cli.Commands;

/// <summary>Output formats of <c>decode</c>.</summary>
internal enum DecodeFormat
{
    /// <summary>One readable line per frame.</summary>
    Text,

    /// <summary>One JSON object per frame.</summary>
    Jsonl,

    /// <summary>Decode everything, print only totals: the reader core at full speed.</summary>
    Count,
}
