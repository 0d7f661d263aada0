namespace OranTestbed.Fronthaul.Profiles;

/// <summary>3GPP frequency range (TS 38.104 §5.1): FR1 410 MHz-7.125 GHz, FR2 24.25-52.6 GHz (FR2-1).</summary>
public enum FrequencyRange
{
    Fr1,
    Fr2,
}
