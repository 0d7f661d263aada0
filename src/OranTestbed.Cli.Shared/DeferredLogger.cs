using Microsoft.Extensions.Logging;

namespace OranTestbed.Cli;

/// <summary>
/// A logger of a <see cref="DeferredLoggerFactory"/>: asks the real factory for its logger on first use, and passes an
/// entry's exception on only when Debug is enabled (<c>--log-level Debug</c> or Trace).
/// </summary>
internal sealed class DeferredLogger : ILogger
{
    private readonly DeferredLoggerFactory _factory;
    private readonly Lazy<ILogger> _logger;

    public DeferredLogger(DeferredLoggerFactory factory, string categoryName)
    {
        _factory = factory;
        _logger = new(() => factory.CreateRealLogger(categoryName), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsEnabled(LogLevel logLevel) => _factory.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _logger.Value.BeginScope(state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            // Users get one line per problem; the exception (its stack trace and source paths) only at Debug and below.
            _logger.Value.Log(logLevel, eventId, state, _factory.IsEnabled(LogLevel.Debug) ? exception : null, formatter);
        }
    }
}
