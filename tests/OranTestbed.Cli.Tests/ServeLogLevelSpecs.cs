using Microsoft.Extensions.Logging;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli.Tests;

/// <summary><c>serve --log-level</c> (issue 14, item 8): the level written is the level used; unwritten, Information.</summary>
public class ServeLogLevelSpecs
{
    [TestCase(new string[] { "--log-level", "Warning" }, LogLevel.Warning)]
    [TestCase(new string[] { "--log-level", "Error" }, LogLevel.Error)]
    [TestCase(new string[] { "--log-level", "Debug" }, LogLevel.Debug)]
    [TestCase(new string[0], LogLevel.Information)]
    public void Serve_must_log_at_the_level_given(string[] options, LogLevel expected)
    {
        var root = new System.CommandLine.RootCommand { ServeCommand.Create() };
        root.Options.Add(CliLogging.LevelOption);
        var parse = root.Parse(["serve", .. options]);
        Assert.That(parse.Errors, Is.Empty);

        var level = ServeCommand.LevelOf(parse);
        using var factory = LoggerFactory.Create(logging => ServeCommand.ConfigureLogging(logging, level));
        var logger = factory.CreateLogger("OranTestbed.Server.Requests");

        Assert.That(level, Is.EqualTo(expected));
        Assert.That(logger.IsEnabled(expected), Is.True);
        Assert.That(logger.IsEnabled(expected - 1), Is.False, $"{expected - 1} lines at --log-level {expected}");
    }
}
