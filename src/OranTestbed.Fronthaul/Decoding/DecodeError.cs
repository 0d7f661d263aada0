using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.Fronthaul.Decoding;

/// <summary>
/// A decode failure: what (<see cref="Field"/>), where (<see cref="Offset"/>, bytes from the start of the frame) and
/// why (<see cref="Code"/>, <see cref="Reason"/>). Field and reason are string literals so that creating an error on
/// the hot path allocates nothing; <see cref="ToString"/> formats only when someone asks.
/// </summary>
public readonly record struct DecodeError(DecodeErrorCode Code, string Field, int Offset, string Reason)
{
    /// <summary>No error.</summary>
    public static readonly DecodeError None;

    /// <summary>True when this value describes a real failure.</summary>
    public bool IsError => Code != DecodeErrorCode.None;

    /// <summary>Stable kebab-case code used in JSON output and findings.</summary>
    public string CodeName => CodeNames.Of(Code);

    /// <summary>The stable kebab-case name of <paramref name="code"/>.</summary>
    public static string NameOf(DecodeErrorCode code) => CodeNames.Of(code);

    /// <summary>The error moved by <paramref name="delta"/> bytes, for readers that work on a slice of the frame.</summary>
    public DecodeError Shift(int delta) => IsError ? this with { Offset = Offset + delta } : this;

    public override string ToString() =>
        IsError ? $"{CodeName}: {Field} at byte {Offset}: {Reason}" : "ok";

    public static DecodeError Truncated(string field, int offset) =>
        new(DecodeErrorCode.Truncated, field, offset, "frame ends inside the field");

    private static class CodeNames
    {
        public static string Of(DecodeErrorCode code) => code switch
        {
            DecodeErrorCode.None => "none",
            DecodeErrorCode.Truncated => "truncated",
            DecodeErrorCode.LengthMismatch => "length-mismatch",
            DecodeErrorCode.ReservedValueSet => "reserved-value-set",
            DecodeErrorCode.UnknownType => "unknown-type",
            DecodeErrorCode.SectionOverrunsPayload => "section-overruns-payload",
            DecodeErrorCode.ExtensionLengthZero => "extension-length-zero",
            DecodeErrorCode.ExtensionOverruns => "extension-overruns",
            DecodeErrorCode.InvalidValue => "invalid-value",
            _ => Unknown(code),
        };

        [DoesNotReturn]
        private static string Unknown(DecodeErrorCode code) =>
            throw new ArgumentOutOfRangeException(nameof(code), code, "no name for this decode error code");
    }
}
