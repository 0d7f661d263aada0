using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Cluster;

namespace OranTestbed.Orchestration.Hosting;

/// <summary>
/// The orchestrator's host: an Akka.NET actor system (Akka.Hosting) whose logs go to Microsoft.Extensions.Logging.
/// The coordinator's host journals to SQLite (Akka.Persistence.Sql) in a file beside the results, created on first
/// use; with a cluster endpoint it is also the seed of the lab's Akka.Cluster. An agent's host only joins the cluster.
/// </summary>
public static class OrchestrationHost
{
    public const string SystemName = "oran-testbed";

    /// <summary>Builds (does not start) the coordinator's host. <paramref name="journalFile"/> holds every run's
    /// journal; <paramref name="listen"/>, when given, is where agents join.</summary>
    public static IHost Build(string journalFile, ILoggerFactory loggers, ClusterEndpoint? listen = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(journalFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(journalFile))!);
        return Build(loggers, akka =>
        {
            if (listen is not null)
            {
                akka.AddHocon(ClusterConfig.For(listen, listen, ClusterConfig.CoordinatorRole, SystemName),
                    HoconAddMode.Prepend);
            }

            akka.WithSqlPersistence($"Data Source={journalFile};Pooling=false", ProviderName.SQLiteMS);
        });
    }

    /// <summary>Builds (does not start) an agent's host: it listens on <paramref name="self"/> and joins the coordinator
    /// at <paramref name="coordinator"/>.</summary>
    public static IHost BuildAgent(ClusterEndpoint self, ClusterEndpoint coordinator, ILoggerFactory loggers) =>
        Build(loggers, akka => akka.AddHocon(ClusterConfig.For(self, coordinator, ClusterConfig.AgentRole, SystemName),
            HoconAddMode.Prepend));

    /// <summary>The address of the coordinator's bench registry on <paramref name="coordinator"/>.</summary>
    public static string RegistryPath(ClusterEndpoint coordinator)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        return coordinator.SystemAddress(SystemName) + "/user/" + BenchRegistryActor.Name;
    }

    public static ActorSystem ActorSystem(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<ActorSystem>();
    }

    private static IHost Build(ILoggerFactory loggers, Action<AkkaConfigurationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddAkka(SystemName, akka =>
        {
            // Ctrl+C is the command's to handle (graceful abort or leave); the system stops when the command says so.
            akka.AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend);
            // Akka's own lines are diagnostics, shown at Debug only. Below that Akka publishes none: what its logger actor
            // still holds when the system stops is printed on standard output (the matrix's stream) by Akka's fallback.
            bool akkaLines = loggers.CreateLogger("Akka.Actor.ActorSystem").IsEnabled(LogLevel.Debug);
            akka.AddHocon($"akka.stdout-loglevel = OFF\nakka.loglevel = {(akkaLines ? "DEBUG" : "OFF")}", HoconAddMode.Prepend);
            akka.ConfigureLoggers(setup =>
            {
                setup.ClearLoggers();
                setup.AddLoggerFactory(loggers);
            });
            configure(akka);
        });
        return builder.Build();
    }
}
