using Microsoft.Extensions.Logging;

namespace OranTestbed.Cli;

/// <summary>
/// A logger factory that builds the real one (<paramref name="create"/>: the console logger of <see cref="CliLogging"/>)
/// only when a message at or above <paramref name="minimum"/> is first logged. Building it (dependency injection,
/// options, the console writer thread) costs ~10 ms of a Native AOT start-up and more under the JIT, while a run that
/// goes well logs nothing at the default level (Warning). What is logged, and how, is unchanged.
/// </summary>
internal sealed class DeferredLoggerFactory(LogLevel minimum, Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _factory = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What the real factory's minimum level lets through (the console logger itself drops only None).</summary>
    public bool IsEnabled(LogLevel level) => level >= minimum && level != LogLevel.None;

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    internal ILogger CreateRealLogger(string categoryName) => _factory.Value.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
