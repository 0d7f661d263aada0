namespace OranTestbed.Fronthaul.Decoding;

/// <summary>Why a frame could not be decoded. One code per kind of defect, mapped to text in one place.</summary>
public enum DecodeErrorCode : byte
{
    /// <summary>The frame is sound.</summary>
    None = 0,

    /// <summary>The frame ends before the field does.</summary>
    Truncated,

    /// <summary>A length field disagrees with the bytes that carry it.</summary>
    LengthMismatch,

    /// <summary>A field the specification reserves holds a value other than zero.</summary>
    ReservedValueSet,

    /// <summary>A type code (message, section, extension, compression) this decoder does not know.</summary>
    UnknownType,

    /// <summary>A section needs more bytes than its message payload has left.</summary>
    SectionOverrunsPayload,

    /// <summary>A section extension declares extLen 0, which the specification reserves.</summary>
    ExtensionLengthZero,

    /// <summary>A section extension declares more bytes than its section has left.</summary>
    ExtensionOverruns,

    /// <summary>A field holds a value outside its legal range.</summary>
    InvalidValue,
}
