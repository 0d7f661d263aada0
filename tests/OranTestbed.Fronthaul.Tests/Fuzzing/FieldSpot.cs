namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>What a field found by <see cref="FieldMap"/> holds, which decides how a mutator lies in it.</summary>
public enum FieldRole
{
    /// <summary>A byte or word count (payloadSize, messageLength, IP/UDP length, extLen, numPrbc...).</summary>
    Length,

    /// <summary>A type or mode code (EtherType, messageType, sectionType, extType, udCompHdr...).</summary>
    Type,
}

/// <summary>A field of a seed frame: frame offset, width in bytes (1 or 2), role and name for failure reports.</summary>
public readonly record struct FieldSpot(int Offset, int Width, FieldRole Role, string Name);
