using System.Linq.Expressions;
using System.Reflection;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The reflection guard over SSH.NET internals that opens an SSH subsystem (SSH.NET has a public exec/shell API only;
/// shared/reference/mplane.md §3.3). Every member is resolved once, up front, by name; a missing one is a
/// <see cref="NotSupportedException"/> "SSH.NET &lt;version&gt;: internal member X not found; the netconf subsystem shim
/// needs updating" — at the first connection, and in the guard spec at build time, rather than a
/// <see cref="NullReferenceException"/> deep inside a session. SSH.NET is pinned exactly in Directory.Packages.props.
/// Members used: <c>BaseClient.Session</c> (non-public property), <c>ISession.CreateChannelSession()</c>,
/// <c>IChannelSession.Open()</c> and <c>SendSubsystemRequest(string)</c>, <c>IChannel.SendData(byte[], int, int)</c>,
/// the <c>IChannel</c> events <c>DataReceived</c>, <c>Closed</c> and <c>Exception</c>, and <c>ChannelDataEventArgs.Data</c>
/// (<c>ArraySegment&lt;byte&gt;</c> since 2026.0.0, <c>byte[]</c> in 2024.x: both handled).
/// </summary>
internal sealed class SshNetSubsystemShim
{
    private static readonly Lazy<SshNetSubsystemShim> Resolved = new(() => Resolve(typeof(Renci.SshNet.BaseClient).Assembly));

    private SshNetSubsystemShim(string version, PropertyInfo session, MethodInfo createChannelSession, MethodInfo open,
        MethodInfo sendSubsystemRequest, MethodInfo sendData, EventInfo dataReceived, EventInfo closed, EventInfo exception,
        Func<EventArgs, ArraySegment<byte>> data)
    {
        Version = version;
        SessionProperty = session;
        CreateChannelSession = createChannelSession;
        OpenMethod = open;
        SendSubsystemRequest = sendSubsystemRequest;
        SendData = sendData;
        DataReceived = dataReceived;
        Closed = closed;
        Exception = exception;
        Data = data;
    }

    /// <summary>The shim for the SSH.NET this assembly was built against; throws <see cref="NotSupportedException"/> if its internals changed.</summary>
    public static SshNetSubsystemShim Instance => Resolved.Value;

    /// <summary>SSH.NET's informational version (e.g. <c>2026.0.1.1+eaa52dba95</c>).</summary>
    public string Version { get; }

    internal PropertyInfo SessionProperty { get; }

    internal MethodInfo CreateChannelSession { get; }

    internal MethodInfo OpenMethod { get; }

    internal MethodInfo SendSubsystemRequest { get; }

    internal MethodInfo SendData { get; }

    internal EventInfo DataReceived { get; }

    internal EventInfo Closed { get; }

    internal EventInfo Exception { get; }

    /// <summary>Reads <c>ChannelDataEventArgs.Data</c> without boxing (compiled once).</summary>
    internal Func<EventArgs, ArraySegment<byte>> Data { get; }

    /// <summary>Resolves every member in <paramref name="sshNet"/> (the SSH.NET assembly; another one in the guard spec's negative case).</summary>
    internal static SshNetSubsystemShim Resolve(Assembly sshNet)
    {
        string version = sshNet.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? sshNet.GetName().Version?.ToString() ?? "(unknown version)";
        const BindingFlags instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

        Type baseClient = TypeNamed(sshNet, version, "Renci.SshNet.BaseClient");
        Type session = TypeNamed(sshNet, version, "Renci.SshNet.ISession");
        Type channelSession = TypeNamed(sshNet, version, "Renci.SshNet.Channels.IChannelSession");
        Type channel = TypeNamed(sshNet, version, "Renci.SshNet.Channels.IChannel");
        Type dataArgs = TypeNamed(sshNet, version, "Renci.SshNet.Common.ChannelDataEventArgs");

        PropertyInfo sessionProperty = Found(baseClient.GetProperty("Session", instance), version, "BaseClient.Session");
        if (!session.IsAssignableFrom(sessionProperty.PropertyType))
        {
            throw Missing(version, "BaseClient.Session of type ISession");
        }

        MethodInfo create = Found(session.GetMethod("CreateChannelSession", Type.EmptyTypes), version, "ISession.CreateChannelSession()");
        if (!channelSession.IsAssignableFrom(create.ReturnType))
        {
            throw Missing(version, "ISession.CreateChannelSession() returning IChannelSession");
        }

        MethodInfo open = Found(channelSession.GetMethod("Open", Type.EmptyTypes), version, "IChannelSession.Open()");
        MethodInfo subsystem = Found(channelSession.GetMethod("SendSubsystemRequest", [typeof(string)]), version,
            "IChannelSession.SendSubsystemRequest(string)");
        if (subsystem.ReturnType != typeof(bool))
        {
            throw Missing(version, "IChannelSession.SendSubsystemRequest(string) returning bool");
        }

        MethodInfo send = Found(channel.GetMethod("SendData", [typeof(byte[]), typeof(int), typeof(int)]), version,
            "IChannel.SendData(byte[], int, int)");
        EventInfo dataReceived = Found(channel.GetEvent("DataReceived"), version, "IChannel.DataReceived");
        EventInfo closed = Found(channel.GetEvent("Closed"), version, "IChannel.Closed");
        EventInfo exception = Found(channel.GetEvent("Exception"), version, "IChannel.Exception");
        if (!typeof(IDisposable).IsAssignableFrom(channel))
        {
            throw Missing(version, "IChannel : IDisposable");
        }

        foreach (EventInfo e in new[] { dataReceived, closed, exception })
        {
            if (!HandlerTakesEventArgs(e))
            {
                throw Missing(version, $"IChannel.{e.Name} as an EventHandler<T : EventArgs>");
            }
        }

        PropertyInfo data = Found(dataArgs.GetProperty("Data", instance), version, "ChannelDataEventArgs.Data");
        return new SshNetSubsystemShim(version, sessionProperty, create, open, subsystem, send, dataReceived, closed, exception,
            CompileDataReader(dataArgs, data, version));
    }

    /// <summary>Opens <paramref name="subsystem"/> on a connected client; false when the server refuses the subsystem request.</summary>
    internal SshNetSubsystemChannel OpenSubsystem(Renci.SshNet.BaseClient client, string subsystem, SshNetSubsystemChannel.IEvents events)
    {
        object session = SessionProperty.GetValue(client)
            ?? throw new InvalidOperationException("the SSH.NET client is not connected (BaseClient.Session is null)");
        object channel = CreateChannelSession.Invoke(session, null)!;
        return new SshNetSubsystemChannel(this, channel, subsystem, events);
    }

    private static Func<EventArgs, ArraySegment<byte>> CompileDataReader(Type dataArgs, PropertyInfo data, string version)
    {
        ParameterExpression args = Expression.Parameter(typeof(EventArgs), "args");
        Expression value = Expression.Property(Expression.Convert(args, dataArgs), data);
        if (data.PropertyType == typeof(byte[]))
        {
            value = Expression.New(typeof(ArraySegment<byte>).GetConstructor([typeof(byte[])])!, value);
        }
        else if (data.PropertyType != typeof(ArraySegment<byte>))
        {
            throw Missing(version, "ChannelDataEventArgs.Data as ArraySegment<byte> or byte[]");
        }

        return Expression.Lambda<Func<EventArgs, ArraySegment<byte>>>(value, args).Compile();
    }

    private static bool HandlerTakesEventArgs(EventInfo e)
    {
        Type? handler = e.EventHandlerType;
        return handler is { IsGenericType: true } && handler.GetGenericTypeDefinition() == typeof(EventHandler<>) &&
            typeof(EventArgs).IsAssignableFrom(handler.GetGenericArguments()[0]);
    }

    private static Type TypeNamed(Assembly assembly, string version, string name) =>
        assembly.GetType(name, throwOnError: false) ?? throw Missing(version, name);

    private static T Found<T>(T? member, string version, string name)
        where T : MemberInfo =>
        member ?? throw Missing(version, name);

    private static NotSupportedException Missing(string version, string member) =>
        new($"SSH.NET {version}: internal member {member} not found; the netconf subsystem shim needs updating " +
            "(src/OranTestbed.Mplane/Transport/SshNetSubsystemShim.cs; SSH.NET is pinned in Directory.Packages.props; " +
            "OpenSshProcessTransport is the fallback)");
}
