using Akka.Event;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Hosting;
using OranTestbed.Orchestration.Tests.Support;

namespace OranTestbed.Orchestration.Tests.Hosting;

/// <summary>The orchestrator's host: Akka's own logs reach Microsoft.Extensions.Logging with their levels.</summary>
public sealed class OrchestrationHostSpecs
{
    [Test]
    public async Task Host_must_bridge_akka_logs_into_microsoft_extensions_logging()
    {
        var recorder = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(recorder));
        var journal = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "host", Guid.NewGuid().ToString("N"), "journal.db");
        using var host = OrchestrationHost.Build(journal, loggers);
        await host.StartAsync();
        try
        {
            var log = Logging.GetLogger(host.ActorSystem(), "bench-7");
            log.Warning("bench {0} lost its capture interface", "rack-1");
            log.Error("bench {0} is on fire", "rack-2");

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (recorder.Entries.Count(e => e.Message.Contains("bench rack-", StringComparison.Ordinal)) < 2
                   && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await host.StopAsync();
        }

        var bridged = recorder.Entries.Where(e => e.Message.Contains("bench rack-", StringComparison.Ordinal))
            .Select(e => (e.Level, Text: e.Message[e.Message.IndexOf("bench rack-", StringComparison.Ordinal)..])).ToList();
        Assert.That(bridged, Is.EquivalentTo(new[]
        {
            (LogLevel.Warning, "bench rack-1 lost its capture interface"),
            (LogLevel.Error, "bench rack-2 is on fire"),
        }));
    }
}
