using System.Collections.Immutable;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// What the emulated O-RU says it can do in o-ran-module-cap and accepts on commit. The personality model has only the
/// antenna ports (<see cref="ProductSettings.AntennaPorts"/>: RU ports, tx/rx arrays and static endpoints); the rest is
/// the emulator's own, stated here: the IQ formats are what its U-plane writers compress (Fronthaul.Compression: no
/// compression at 16 bits, block floating point at the widths O-RAN IOT profiles use, static and dynamic), and the bands
/// are those of the demo lab's profiles (n78 TDD up to 100 MHz, n3 FDD up to 20 MHz). A product whose personality does not
/// say otherwise is a category A O-RU.
/// </summary>
public sealed record OruCapabilities
{
    /// <summary>The IQ formats the O-RU accepts on an endpoint: (O-RAN compression-method, iq-bitwidth).</summary>
    public static ImmutableArray<(string Method, int Bitwidth)> DefaultCompression { get; } =
    [
        ("NO_COMPRESSION", 16), ("BLOCK_FLOATING_POINT", 8), ("BLOCK_FLOATING_POINT", 9), ("BLOCK_FLOATING_POINT", 12),
        ("BLOCK_FLOATING_POINT", 14),
    ];

    public required int AntennaPorts { get; init; }

    public ImmutableArray<(string Method, int Bitwidth)> Compression { get; init; } = DefaultCompression;

    /// <summary>(NR band number, max carrier bandwidth in Hz, min..max DL frequency in Hz).</summary>
    public ImmutableArray<(int Band, long MaxBandwidthHz, long MinHz, long MaxHz)> Bands { get; init; } =
        [(78, 100_000_000, 3_300_000_000, 3_800_000_000), (3, 20_000_000, 1_805_000_000, 1_880_000_000)];

    public static OruCapabilities From(Personality personality)
    {
        ArgumentNullException.ThrowIfNull(personality);
        return new OruCapabilities { AntennaPorts = personality.Settings.AntennaPorts };
    }

    /// <summary>True when an endpoint may use this compression (a method without a width means its default, 16 for none).</summary>
    public bool Supports(string method, int? bitwidth) =>
        Compression.Any(c => c.Method == method && (bitwidth is null || c.Bitwidth == bitwidth));
}
