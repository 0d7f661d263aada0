using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Tracing;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// How a <see cref="NetconfSession"/> talks to one peer. The defaults suit an O-RU over SSH: a hello within 30 s, an
/// RPC answered within 60 s (a full <c>&lt;get&gt;</c> of a loaded O-RU or a software activation is slow), messages up to
/// 64 MB.
/// </summary>
public sealed record NetconfSessionOptions
{
    public static NetconfSessionOptions Default { get; } = new();

    /// <summary>How long the server may take to send its hello after the transport is up.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The reply limit of an RPC that does not pass its own.</summary>
    public TimeSpan RpcTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The reply limit of <c>close-session</c> when closing or disposing.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Advertise base:1.1 (chunked framing) besides base:1.0. Off only to test a server against a base:1.0-only client.
    /// </summary>
    public bool AdvertiseBase11 { get; init; } = true;

    /// <summary>Client capabilities beyond the base ones (rarely needed: servers seldom look at them).</summary>
    public ImmutableArray<string> ExtraCapabilities { get; init; } = [];

    /// <summary>The framing bound on one message (<see cref="NetconfMessageReader.MaxMessageBytes"/>).</summary>
    public long MaxMessageBytes { get; init; } = NetconfMessageReader.DefaultMaxMessageBytes;

    /// <summary>The XML parser's bound on one document, in characters.</summary>
    public long MaxCharactersInDocument { get; init; } = NetconfMessageReader.DefaultMaxMessageBytes;

    /// <summary>
    /// Notifications held for a slow consumer. When full, the oldest is dropped and counted
    /// (<see cref="NetconfSession.DroppedNotifications"/>): the loop that reads notifications also delivers replies and
    /// must never wait on a consumer.
    /// </summary>
    public int NotificationCapacity { get; init; } = 4096;

    /// <summary>Where every message and event of the session is appended; null for none. The caller owns it.</summary>
    public NetconfTrace? Trace { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HelloTimeout, TimeSpan.Zero, nameof(HelloTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RpcTimeout, TimeSpan.Zero, nameof(RpcTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero, nameof(CloseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCharactersInDocument, 1, nameof(MaxCharactersInDocument));
        ArgumentOutOfRangeException.ThrowIfLessThan(NotificationCapacity, 1, nameof(NotificationCapacity));
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
