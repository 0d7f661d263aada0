namespace OranTestbed.Emulation.Frames;

/// <summary>One U-plane message's section: its first PRB, PRB count and the numPrbu field written (0 = whole carrier).</summary>
internal readonly record struct PrbFragment(int StartPrb, int NumPrb, int NumPrbField)
{
    /// <summary>
    /// Splits [<paramref name="startPrb"/>, +<paramref name="numPrb"/>) into messages of at most
    /// <paramref name="maxPerMessage"/> PRBs (application-layer fragmentation, O-RAN.WG4.CUS §5.4.3; numPrbu is 8 bits,
    /// so above 255 only a single section spanning the whole carrier, numPrbu = 0).
    /// </summary>
    public static PrbFragment[] Split(int startPrb, int numPrb, int maxPerMessage, int carrierPrbs)
    {
        if (startPrb == 0 && numPrb == carrierPrbs && carrierPrbs > 255 && maxPerMessage >= carrierPrbs)
        {
            return [new PrbFragment(0, carrierPrbs, 0)];
        }

        int step = Math.Clamp(maxPerMessage, 1, 255);
        var fragments = new PrbFragment[(numPrb + step - 1) / step];
        for (int i = 0; i < fragments.Length; i++)
        {
            int start = startPrb + (i * step);
            int count = Math.Min(step, startPrb + numPrb - start);
            fragments[i] = new PrbFragment(start, count, count);
        }

        return fragments;
    }
}
