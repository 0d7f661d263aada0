using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Derives malformed frames from seeds with a seeded <see cref="Random"/>, so every run (and every failure) is
/// reproducible: the same seed number gives the same frames. Writes into one reusable buffer; the frame is
/// <c>Buffer[..Length]</c> and is handed to the decoder as a span of exactly that length, so any read past the frame
/// throws instead of reading stale bytes.
/// </summary>
public sealed class FrameMutator
{
    public const int MaxFrameLength = 16384;

    private readonly Random _random;
    private readonly IReadOnlyList<FuzzSeed> _seeds;

    public FrameMutator(int seed, IReadOnlyList<FuzzSeed> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds;
    }

    public byte[] Buffer { get; } = new byte[MaxFrameLength];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Frame => Buffer.AsSpan(0, Length);

    public FuzzSeed PickSeed() => _seeds[_random.Next(_seeds.Count)];

    /// <summary>80 % the seed's own options (mutants then get deepest), otherwise any variant.</summary>
    public Decoding.FronthaulDecodeOptions PickOptions(FuzzSeed seed) =>
        _random.Next(5) == 0 ? FuzzOptions.Variants[_random.Next(FuzzOptions.Variants.Count)] : seed.Options;

    /// <summary>Loads <paramref name="seed"/> and applies <paramref name="mutation"/>.</summary>
    public void Mutate(FuzzSeed seed, Mutation mutation)
    {
        Load(seed.Frame);
        Apply(seed, mutation);
    }

    private void Load(ReadOnlySpan<byte> frame)
    {
        frame.CopyTo(Buffer);
        Length = frame.Length;
    }

    private void Apply(FuzzSeed seed, Mutation mutation)
    {
        switch (mutation)
        {
            case Mutation.RandomBytes:
                RandomBytes(seed);
                break;
            case Mutation.BitFlips:
                BitFlips();
                break;
            case Mutation.ByteSet:
                ByteSet();
                break;
            case Mutation.Truncation:
                Length = _random.Next(Length);
                break;
            case Mutation.Extension:
                Extend();
                break;
            case Mutation.LengthFieldLie:
                LieInAField(seed);
                break;
            case Mutation.Splice:
                Splice();
                break;
            case Mutation.ConsistentResize:
                ConsistentResize(seed);
                break;
            case Mutation.Stacked:
                int steps = 2 + _random.Next(3);
                for (int i = 0; i < steps; i++)
                {
                    Apply(seed, (Mutation)_random.Next((int)Mutation.Stacked));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }

    /// <summary>
    /// Pure noise rarely gets past the EtherType, so half the time the seed's head (up to one of its fields) is kept
    /// and only what follows is random.
    /// </summary>
    private void RandomBytes(FuzzSeed seed)
    {
        int keep = 0;
        if (_random.Next(2) == 0)
        {
            var field = seed.Fields[_random.Next(seed.Fields.Count)];
            keep = Math.Min(Length, field.Offset + field.Width);
        }

        int length = keep + _random.Next(_random.Next(4) == 0 ? 1600 : 200);
        _random.NextBytes(Buffer.AsSpan(keep, length - keep));
        Length = length;
    }

    private void BitFlips()
    {
        if (Length == 0)
        {
            return;
        }

        int flips = 1 + _random.Next(8);
        for (int i = 0; i < flips; i++)
        {
            Buffer[_random.Next(Length)] ^= (byte)(1 << _random.Next(8));
        }
    }

    private void ByteSet()
    {
        if (Length == 0)
        {
            return;
        }

        int count = 1 + _random.Next(4);
        for (int i = 0; i < count; i++)
        {
            Buffer[_random.Next(Length)] = _random.Next(3) switch
            {
                0 => 0x00,
                1 => 0xFF,
                _ => (byte)_random.Next(256),
            };
        }
    }

    private void Extend()
    {
        int extra = 1 + _random.Next(64);
        if (Length + extra > Buffer.Length)
        {
            return;
        }

        var tail = Buffer.AsSpan(Length, extra);
        if (_random.Next(2) == 0)
        {
            tail.Clear();
        }
        else
        {
            _random.NextBytes(tail);
        }

        Length += extra;
    }

    /// <summary>
    /// Writes a lie into one of the seed's length, count or type fields. Lengths get the values that break parsers:
    /// 0, 1, all ones, one more or less than the truth, the truth off by a word, and values that point just past the
    /// frame; types get neighbouring, reserved and random codes.
    /// </summary>
    private void LieInAField(FuzzSeed seed)
    {
        var field = seed.Fields[_random.Next(seed.Fields.Count)];
        if (field.Offset + field.Width > Length)
        {
            return;
        }

        var bytes = Buffer.AsSpan(field.Offset, field.Width);
        int max = field.Width == 1 ? 0xFF : 0xFFFF;
        int truth = field.Width == 1 ? bytes[0] : BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int lie = field.Role == FieldRole.Length
            ? _random.Next(10) switch
            {
                0 => 0,
                1 => 1,
                2 => max,
                3 => truth + 1,
                4 => truth - 1,
                5 => truth + 4,
                6 => truth - 4,
                7 => Length - field.Offset + _random.Next(-2, 3),
                8 => truth ^ (1 << _random.Next(field.Width * 8)),
                _ => _random.Next(max + 1),
            }
            : _random.Next(5) switch
            {
                0 => truth + 1,
                1 => truth - 1,
                2 => truth ^ 0x80,
                3 => _random.Next(32),
                _ => _random.Next(max + 1),
            };
        lie &= max;
        if (field.Width == 1)
        {
            bytes[0] = (byte)lie;
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)lie);
        }
    }

    /// <summary>
    /// Inserts (random or zero bytes) or deletes 1 to 8 bytes, or a whole 4-byte word, at a random point after the
    /// first length field, then moves the length fields that enclose that point by the same amount. A word inside a
    /// C-plane extension also moves its extLen by one.
    /// </summary>
    private void ConsistentResize(FuzzSeed seed)
    {
        var first = seed.Fields[0];
        int low = first.Offset + first.Width;
        if (Length <= low)
        {
            return;
        }

        int at = low + _random.Next(Length - low);
        bool word = _random.Next(3) == 0;
        int delta = word ? 4 : 1 + _random.Next(8);
        if (_random.Next(2) == 0)
        {
            delta = -Math.Min(delta, Length - at);
        }

        if (Length + delta > Buffer.Length || delta == 0)
        {
            return;
        }

        if (delta > 0)
        {
            Buffer.AsSpan(at, Length - at).CopyTo(Buffer.AsSpan(at + delta));
            var inserted = Buffer.AsSpan(at, delta);
            if (_random.Next(2) == 0)
            {
                inserted.Clear();
            }
            else
            {
                _random.NextBytes(inserted);
            }
        }
        else
        {
            Buffer.AsSpan(at - delta, Length - at + delta).CopyTo(Buffer.AsSpan(at));
        }

        Length += delta;
        FieldSpot? payloadSize = null;
        FieldSpot? extLen = null;
        foreach (var field in seed.Fields)
        {
            if (field.Offset + field.Width > at || field.Role != FieldRole.Length)
            {
                continue;
            }

            switch (field.Name)
            {
                case "ip.total_length" or "ipv6.payload_length" or "udp.length" or "ptp.messageLength":
                    AddTo(field, delta);
                    break;
                case "ecpri.payloadSize":
                    payloadSize = field;
                    break;
                case "cplane.extLen":
                    extLen = field;
                    break;
            }
        }

        // Only the message (and extension) holding the point grows; earlier ones keep their sizes.
        if (payloadSize is { } size)
        {
            AddTo(size, delta);
        }

        if (word && extLen is { } ext)
        {
            AddTo(ext, delta / 4);
        }
    }

    private void AddTo(FieldSpot field, int delta)
    {
        var bytes = Buffer.AsSpan(field.Offset, field.Width);
        if (field.Width == 1)
        {
            bytes[0] = (byte)(bytes[0] + delta);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(bytes) + delta));
        }
    }

    /// <summary>The current frame up to a random point (often a field boundary), then another seed from a random point.</summary>
    private void Splice()
    {
        var other = _seeds[_random.Next(_seeds.Count)];
        int cut = Length == 0 ? 0 : _random.Next(Length + 1);
        int from = _random.Next(2) == 0 ? cut : _random.Next(other.Frame.Length + 1);
        from = Math.Min(from, other.Frame.Length);
        int tail = Math.Min(other.Frame.Length - from, Buffer.Length - cut);
        other.Frame.AsSpan(from, tail).CopyTo(Buffer.AsSpan(cut));
        Length = cut + tail;
    }
}
