using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>Prints every error of an invalid plan file, one compiler-style line each (editors jump to file:line:col).</summary>
internal static class ProfileErrors
{
    public static void Write(TextWriter diagnostics, string command, PlanValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            diagnostics.WriteLine($"{error}");
        }

        diagnostics.WriteLine($"oran-testbed {command}: {exception.Errors.Length} error(s) in the profile");
    }
}
