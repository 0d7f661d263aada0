using OranTestbed.Fronthaul.Bits;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE5 additional modulation compression scaling (<see cref="ModulationCompressionScalingFields"/>).</summary>
public readonly ref struct ModulationCompressionScalingExtension
{
    private readonly ReadOnlySpan<byte> _sets;

    internal ModulationCompressionScalingExtension(ReadOnlySpan<byte> span)
    {
        _sets = span[ModulationCompressionScalingFields.SetsOffset..];
        int fits = _sets.Length * 8 / ModulationCompressionScalingFields.SetBits;
        int count = fits;
        while (count > 1 && McScaleReMask(count - 1) == 0 && !Csf(count - 1) && McScaleOffset(count - 1) == 0)
        {
            count--;
        }

        SetCount = count;
    }

    /// <summary>Sets present, trailing all-zero padding sets excluded (at least 1).</summary>
    public int SetCount { get; }

    public int McScaleReMask(int set) => (int)Read(set, 0, ModulationCompressionScalingFields.ReMaskBits);

    public bool Csf(int set) => Read(set, ModulationCompressionScalingFields.ReMaskBits, 1) != 0;

    public int McScaleOffset(int set) =>
        (int)Read(set, ModulationCompressionScalingFields.ReMaskBits + 1, ModulationCompressionScalingFields.OffsetBits);

    private uint Read(int set, int bitInSet, int width)
    {
        var bits = new BitReader(_sets);
        bits.Skip((set * ModulationCompressionScalingFields.SetBits) + bitInSet);
        return bits.ReadUnsigned(width);
    }
}
