using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Devices;

/// <summary>The values of <see cref="CommandLineDriver.BuiltInVariables"/> for one device in one execution, plus the
/// driver's own variables (which may not shadow a built-in: the plan validation refuses that).</summary>
internal static class CommandVariables
{
    public static ImmutableDictionary<string, string> For(Product product, CommandLineDriver driver, DeviceSetup setup,
        string? captureInterface, string planRoot)
    {
        var e = setup.Execution;
        var band = e.Setup.Band;
        var profile = e.Setup.FronthaulProfile;
        var inv = CultureInfo.InvariantCulture;
        var bits = profile.Profile.EaxcBits;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["execution-id"] = e.Id,
            ["case"] = e.Case.Id,
            ["repetition"] = e.Repetition.ToString(inv),
            ["operator-profile"] = e.Setup.Operator.Id,
            ["band"] = band.Id,
            ["nr-band"] = band.OperatingBand.ToString(),
            ["arfcn"] = band.Arfcn.ToString(inv),
            ["center-frequency-mhz"] = band.CenterFrequencyMHz.ToString(inv),
            ["bandwidth-mhz"] = band.BandwidthMHz.ToString(inv),
            ["scs-khz"] = band.SubcarrierSpacingKHz.ToString(inv),
            ["numerology"] = band.Numerology.ToString(inv),
            ["prbs"] = band.Prbs.ToString(inv),
            ["duplex"] = band.Duplex.ToString().ToLowerInvariant(),
            ["tdd-pattern"] = band.TddPattern?.ToString() ?? "fdd",
            ["fronthaul-profile"] = profile.Name,
            ["fronthaul-profile-file"] = Path.GetFullPath(Path.Combine(planRoot, profile.File)),
            ["compression-dl"] = (setup.Step.Compression ?? profile.Profile.DownlinkCompression).Static.ToString(),
            ["compression-ul"] = (setup.Step.Compression ?? profile.Profile.UplinkCompression).Static.ToString(),
            ["eaxc-id-bits"] = $"{bits.DuPort},{bits.BandSector},{bits.Cc},{bits.RuPort}",
            ["vlan-id"] = profile.Profile.VlanId?.ToString(inv) ?? string.Empty,
            ["product"] = product.LocalId,
            ["vendor"] = product.VendorId,
            ["role"] = product.Role.ToString(),
            ["bench"] = setup.BenchId,
            ["capture-interface"] = captureInterface ?? string.Empty,
            ["evidence-dir"] = Path.GetFullPath(setup.EvidenceDirectory),
        };
        foreach (var (name, value) in driver.Variables)
        {
            values.TryAdd(name, value);
        }

        return values.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
