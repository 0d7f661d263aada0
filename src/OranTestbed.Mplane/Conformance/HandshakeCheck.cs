using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.1.1 (transport and handshake): the session's hello exchange completed. Reports <c>hello-exchanged</c>,
/// <c>base-1-1</c> (both sides speak :base:1.1, chunked framing), <c>o-ran-modules</c> (O-RAN modules the O-RU
/// advertises) and <c>called-home</c> (the session came from the O-RU's call home, RFC 8071).
/// </summary>
public static class HandshakeCheck
{
    public static CheckResult Of(NetconfSession session, bool calledHome)
    {
        ArgumentNullException.ThrowIfNull(session);
        int oranModules = session.ServerCapabilities.Modules.Count(m => m.Module.StartsWith("o-ran-", StringComparison.Ordinal));
        return CheckResult.Of(
            ("hello-exchanged", CheckResult.Flag(session.SessionId != 0)),
            ("base-1-1", CheckResult.Flag(session.Framing == Framing.NetconfFraming.Chunked)),
            ("o-ran-modules", oranModules),
            ("called-home", CheckResult.Flag(calledHome)));
    }

    /// <summary>§3.1.1.2 flow 2: a login with wrong credentials must be refused. <paramref name="login"/> tries it and
    /// returns the transport if the O-RU let it in (then closed here).</summary>
    public static async Task<CheckResult> WrongCredentialsAsync(Func<CancellationToken, Task<Transport.INetconfTransport>> login,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        try
        {
            await using var transport = await login(cancellationToken).ConfigureAwait(false);
            return CheckResult.Of(("auth-rejected", 0));
        }
        catch (Transport.MplaneConnectionException e) when (e.Failure == Transport.MplaneConnectionFailure.AuthenticationFailed)
        {
            return CheckResult.Of(("auth-rejected", 1));
        }
    }
}
