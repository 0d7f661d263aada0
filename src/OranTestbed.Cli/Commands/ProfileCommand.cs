using System.CommandLine;
using System.Globalization;
using OranTestbed.Analysis;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary><c>oran-testbed profile check FILE...</c>: validate fronthaul profiles and list every error.</summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "fronthaul profile files (testplans/profiles/*.yaml)",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Command("check", "Validate fronthaul profiles: every error with file:line:column; exit 0 when all are valid")
        {
            files,
        };
        check.SetAction(parse => Check(parse.GetRequiredValue(files), Console.Out, Console.Error));
        return new Command("profile", "Fronthaul profiles (testplans/profiles)") { check };
    }

    internal static int Check(IReadOnlyList<string> files, TextWriter output, TextWriter diagnostics)
    {
        int invalid = 0;
        foreach (string file in files)
        {
            try
            {
                var profile = FronthaulProfileLoader.Load(file);
                if (FronthaulAnalyzer.ProfileError(profile) is { } unusable)
                {
                    invalid++;
                    diagnostics.WriteLine($"{file}: {unusable}");
                    continue;
                }

                output.WriteLine($"{file}: ok: {Describe(profile)}");
                foreach (var note in profile.DelayManagement.CheckConsistency().Where(f => !f.IsError))
                {
                    output.WriteLine($"{file}: note: delay-management.{DelayParameterNames.YangName(note.Parameter)}: {note.Message}");
                }
            }
            catch (PlanValidationException ex)
            {
                invalid++;
                foreach (var error in ex.Errors)
                {
                    diagnostics.WriteLine($"{error}");
                }
            }
        }

        if (invalid > 0)
        {
            diagnostics.WriteLine($"oran-testbed profile check: {invalid} of {files.Count} profile(s) invalid");
            return ExitCodes.Usage;
        }

        return ExitCodes.Success;
    }

    private static string Describe(FronthaulProfile p)
    {
        var c = p.Carrier;
        string duplex = p.TddPattern is { } tdd ? "TDD " + tdd : "FDD";
        int windows = Enum.GetValues<DelayWindow>().Count(w => p.DelayManagement.Bounds(w).IsComplete);
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Name}: µ={c.Numerology} ({c.SubcarrierSpacingKHz} kHz), {c.Prbs} PRBs, eAxC {p.EaxcBits}, "
            + $"DL {p.DownlinkCompression}, UL {p.UplinkCompression}, {duplex}, {windows} of 8 delay windows");
    }
}
