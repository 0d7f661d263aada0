using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Tests.Profiles;

/// <summary>A small valid profile whose lines the error specs edit, so every expected line and column is visible.</summary>
internal static class ProfileText
{
    public const string Source = "testplans/profiles/x.yaml";

    /// <summary>Line n of the text is Lines[n - 1].</summary>
    public static readonly string[] Lines =
    [
        "name: x",                                                          // 1
        "description: test profile",                                        // 2
        "numerology: 1",                                                    // 3
        "prbs: 273",                                                        // 4
        "eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}",    // 5
        "compression:",                                                     // 6
        "  dl: {method: bfp, iq-width: 9, comp-hdr: true}",                 // 7
        "  ul: {method: bfp, iq-width: 9}",                                 // 8
        "duplex: fdd",                                                      // 9
        "delay-management:",                                                // 10
        "  t2a-min-up: 125us",                                              // 11
        "  t2a-max-up: 428us",                                              // 12
    ];

    public static string Valid => Join(Lines);

    /// <summary>The text with line <paramref name="line"/> (1-based) replaced; null removes it.</summary>
    public static string With(int line, string? replacement) =>
        Join(Lines.Select((l, i) => i == line - 1 ? replacement : l).OfType<string>());

    /// <summary>The text with lines appended.</summary>
    public static string Plus(params string[] more) => Join(Lines.Concat(more));

    public static FronthaulProfile Parse(string yaml) => FronthaulProfileLoader.Parse(yaml, Source);

    /// <summary>The errors (as <c>file:line:col: path: message</c>) the text produces; fails when it loads.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        try
        {
            Parse(yaml);
        }
        catch (PlanValidationException ex)
        {
            return [.. ex.Errors.Select(e => e.ToString())];
        }

        Assert.Fail("the profile loaded although it is invalid:\n" + yaml);
        return [];
    }

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
