using System.Text;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Tests.Support;
using OranTestbed.Plans.Yaml;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Yaml;

/// <summary>
/// Hostile YAML (issue 14, item 4): nesting deep enough to overflow the stack, files too large, and files with a
/// million mistakes. Each is one positioned error, never a crashed process or a million lines.
/// </summary>
public class YamlLimitSpecs
{
    /// <summary>The stack an Akka dispatcher or thread-pool thread has (the 30,000-bracket case crashed there).</summary>
    private const int DefaultThreadStack = 1536 * 1024;

    [TestCase(30_000)]
    [TestCase(300_000)]
    public void TestPlanLoader_must_refuse_deep_nesting_at_its_position_without_overflowing_the_stack(int depth)
    {
        string line = "bandwidth: " + new string('[', depth);
        // the root mapping is level 1, so the 64th bracket (column 11 + 64) is level 65
        var errors = OnSmallStack(() => Mini().With(Band, 4, line).Errors());
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"{Root}/{Band}:4:{11 + YamlLimits.MaxDepth}: YAML nesting deeper than {YamlLimits.MaxDepth} levels: a plan file is never that deep",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_and_PersonalityLoader_must_refuse_deep_nesting_without_overflowing_the_stack()
    {
        string yaml = "name: " + new string('{', 300_000);
        var profile = OnSmallStack(() => Assert.Throws<PlanValidationException>(() => FronthaulProfileLoader.Parse(yaml, "p.yaml"))!);
        var personality = OnSmallStack(() => Assert.Throws<PlanValidationException>(() => PersonalityLoader.Parse(yaml, "q.yaml", "acme/q"))!);
        Assert.That(profile.Errors.Single().ToString(), Does.StartWith($"p.yaml:1:{6 + YamlLimits.MaxDepth}: YAML nesting deeper than"));
        Assert.That(personality.Errors.Single().ToString(), Does.StartWith($"q.yaml:1:{6 + YamlLimits.MaxDepth}: YAML nesting deeper than"));
    }

    [TestCase(false, "the file is longer than 1,048,576 characters: a plan file is far smaller")]
    [TestCase(true, "the file holds more than 100,000 values: a plan file is far smaller")]
    public void TestPlanLoader_must_refuse_a_million_list_items_with_one_error_and_little_memory(bool flow, string expected)
    {
        var text = new StringBuilder(flow ? "      numerologies: [" : "      numerologies:\n");
        for (int i = 0; i < 1_000_000; i++)
        {
            text.Append(flow ? "9, " : "        - 9\n");
        }

        var plan = Mini().With(Acme, 9, text.ToString().TrimEnd('\n', ' ', ',') + (flow ? "]" : ""));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var errors = plan.Errors();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith($"{Root}/{Acme}:").And.EndWith(": " + expected));
        Assert.That(allocated, Is.LessThan(256L << 20), "bytes allocated to refuse the file");
    }

    [Test]
    public void TestPlanLoader_must_list_the_first_errors_and_say_how_many_more()
    {
        string many = "      numerologies: [" + string.Join(", ", Enumerable.Repeat("9", 5_000)) + "]";
        var errors = Mini().With(Acme, 9, many).Errors();
        Assert.That(errors, Has.Count.EqualTo(PlanErrors.MaxListed + 1));
        Assert.That(errors[0], Does.StartWith($"{Root}/{Acme}:9:").And.Contain("numerologies"));
        Assert.That(errors[^1], Is.EqualTo(
            $"{Root}/{Acme}: and {5_000 - PlanErrors.MaxListed:N0} more error(s) not listed (only the first {PlanErrors.MaxListed} are)"));
    }

    [Test]
    public void TestPlanLoader_must_refuse_a_file_larger_than_the_limit_before_reading_it()
    {
        string root = Path.Combine(Path.GetTempPath(), "otb-yaml-limit-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "bands"));
            string big = Path.Combine(root, "bands", "huge.yaml");
            using (var file = File.Create(big))
            {
                file.SetLength(YamlLimits.MaxFileBytes + 1);
            }

            var ex = Assert.Throws<PlanValidationException>(() => TestPlanLoader.Load(root))!;
            Assert.That(ex.Errors.Select(e => e.ToString()), Has.Some.EqualTo(
                $"{big}: the file is {YamlLimits.MaxFileBytes + 1:N0} bytes; a plan file is at most {YamlLimits.MaxFileBytes:N0}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="load"/> on a thread with a dispatcher's stack, and returns its result.</summary>
    private static T OnSmallStack<T>(Func<T> load)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = load();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, DefaultThreadStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure;
        }

        return result;
    }
}
