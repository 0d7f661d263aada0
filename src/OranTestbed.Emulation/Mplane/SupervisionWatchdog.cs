namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// NETCONF supervision of one session (O-RAN.WG4.MP.0 ch. 14, o-ran-supervision): the O-RU sends a
/// supervision-notification every <c>supervision-notification-interval</c> and expects a supervision-watchdog-reset
/// before that interval plus the <c>guard-timer-overhead</c> has passed since the last one; otherwise the watchdog
/// expires. Armed when the session subscribes, with the defaults (60 s + 10 s); each reset re-arms it with its input and
/// answers the time of the next notification. Time is the injected <see cref="TimeProvider"/>, so specs run many rounds
/// instantly.
/// </summary>
internal sealed class SupervisionWatchdog : IDisposable
{
    public const int DefaultIntervalSeconds = 60;
    public const int DefaultGuardSeconds = 10;

    private readonly TimeProvider _time;
    private readonly Action _notify;
    private readonly Action _expired;
    private readonly Lock _gate = new();
    private ITimer? _notification;
    private ITimer? _watchdog;
    private bool _disposed;

    public SupervisionWatchdog(TimeProvider time, Action notify, Action expired)
    {
        _time = time;
        _notify = notify;
        _expired = expired;
    }

    public bool IsArmed { get; private set; }

    /// <summary>(Re-)arms: the next notification in <paramref name="intervalSeconds"/>, expiry <paramref name="guardSeconds"/> later.</summary>
    /// <returns>When the next supervision-notification will be sent (the RPC's <c>next-update-at</c>).</returns>
    public DateTimeOffset Reset(int intervalSeconds, int guardSeconds)
    {
        var interval = TimeSpan.FromSeconds(intervalSeconds);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _notification?.Dispose();
            _watchdog?.Dispose();
            _notification = _time.CreateTimer(_ => _notify(), null, interval, interval);
            _watchdog = _time.CreateTimer(_ => Expire(), null, interval + TimeSpan.FromSeconds(guardSeconds), Timeout.InfiniteTimeSpan);
            IsArmed = true;
            return _time.GetUtcNow() + interval;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            IsArmed = false;
            _notification?.Dispose();
            _watchdog?.Dispose();
        }
    }

    private void Expire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            IsArmed = false;
            _notification?.Dispose();
        }

        _expired();
    }
}
