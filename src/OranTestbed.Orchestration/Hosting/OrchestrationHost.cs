using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Orchestration.Hosting;

/// <summary>
/// The orchestrator's host: an Akka.NET actor system (Akka.Hosting) whose logs go to Microsoft.Extensions.Logging and
/// whose journal is SQLite (Akka.Persistence.Sql) in a file beside the results, created on first use.
/// </summary>
public static class OrchestrationHost
{
    public const string SystemName = "oran-testbed";

    /// <summary>Builds (does not start) the host. <paramref name="journalFile"/> holds every run's journal.</summary>
    public static IHost Build(string journalFile, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrEmpty(journalFile);
        ArgumentNullException.ThrowIfNull(loggers);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(journalFile))!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddAkka(SystemName, akka =>
        {
            akka.ConfigureLoggers(setup =>
            {
                setup.ClearLoggers();
                setup.AddLoggerFactory(loggers);
            });
            akka.WithSqlPersistence($"Data Source={journalFile};Pooling=false", ProviderName.SQLiteMS);
        });
        return builder.Build();
    }

    public static ActorSystem ActorSystem(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<ActorSystem>();
    }
}
