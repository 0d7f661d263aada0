using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Tests.Yaml;

public class KeySuggestionsSpecs
{
    private static readonly string[] Keys = ["t2a-min-up", "t2a-max-up", "ta3-min", "ta3-max", "numerology", "tap"];

    [TestCase("t2a-max-upp", "t2a-max-up")]
    [TestCase("T2a_max_up", "t2a-max-up")]
    [TestCase("ta3_min", "ta3-min")]
    [TestCase("numerolgy", "numerology")]
    [TestCase("tapp", "tap")]
    public void KeySuggestions_must_suggest_the_closest_known_key(string typed, string expected)
    {
        Assert.That(KeySuggestions.Closest(typed, Keys), Is.EqualTo(expected));
    }

    [TestCase("bandwidth")]
    [TestCase("vlan")]
    public void KeySuggestions_must_stay_silent_when_nothing_is_close(string typed)
    {
        Assert.That(KeySuggestions.Closest(typed, Keys), Is.Null);
    }

    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    [TestCase("same", "same", 0)]
    public void KeySuggestions_Distance_must_be_the_Levenshtein_distance(string a, string b, int distance)
    {
        Assert.That(KeySuggestions.Distance(a, b), Is.EqualTo(distance));
    }
}
