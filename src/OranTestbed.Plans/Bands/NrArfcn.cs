namespace OranTestbed.Plans.Bands;

/// <summary>
/// NR-ARFCN ↔ frequency on the global frequency raster (3GPP TS 38.104 §5.4.2.1, Table 5.4.2.1-1):
/// F_REF = F_REF-Offs + ΔF_Global · (N_REF − N_REF-Offs) with (0 MHz, 5 kHz, 0) below 3 GHz, (3000 MHz, 15 kHz, 600000)
/// up to 24.25 GHz and (24250.08 MHz, 60 kHz, 2016667) up to 100 GHz.
/// </summary>
public static class NrArfcn
{
    public const int Max = 3_279_165;

    /// <summary>The frequency of an NR-ARFCN in kHz (every raster point is a whole number of kHz).</summary>
    public static long ToKiloHertz(int arfcn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arfcn);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arfcn, Max);
        return arfcn switch
        {
            < 600_000 => 5L * arfcn,
            < 2_016_667 => 3_000_000L + 15L * (arfcn - 600_000),
            _ => 24_250_080L + 60L * (arfcn - 2_016_667),
        };
    }

    /// <summary>The NR-ARFCN of a frequency in kHz when it lies on the global raster.</summary>
    public static bool TryFromKiloHertz(long kiloHertz, out int arfcn)
    {
        arfcn = 0;
        long n;
        if (kiloHertz is >= 0 and < 3_000_000)
        {
            n = kiloHertz % 5 == 0 ? kiloHertz / 5 : -1;
        }
        else if (kiloHertz is >= 3_000_000 and < 24_250_000)
        {
            n = (kiloHertz - 3_000_000) % 15 == 0 ? 600_000 + (kiloHertz - 3_000_000) / 15 : -1;
        }
        else if (kiloHertz is >= 24_250_080 and <= 100_000_000)
        {
            n = (kiloHertz - 24_250_080) % 60 == 0 ? 2_016_667 + (kiloHertz - 24_250_080) / 60 : -1;
        }
        else
        {
            n = -1;
        }

        if (n is < 0 or > Max)
        {
            return false;
        }

        arfcn = (int)n;
        return true;
    }
}
