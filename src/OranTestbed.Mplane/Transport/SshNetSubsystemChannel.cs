using System.Reflection;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// One SSH.NET session channel running a subsystem, driven through <see cref="SshNetSubsystemShim"/>'s reflected
/// members. Events are hooked before the channel opens so no early data is lost: SSH.NET raises them on its single
/// message-listener thread, which must never block (the handlers only copy).
/// </summary>
internal sealed class SshNetSubsystemChannel : IDisposable
{
    private readonly SshNetSubsystemShim _shim;
    private readonly object _channel;
    private readonly IEvents _events;
    private readonly Delegate _onData;
    private readonly Delegate _onClosed;
    private readonly Delegate _onException;
    private bool _disposed;

    internal SshNetSubsystemChannel(SshNetSubsystemShim shim, object channel, string subsystem, IEvents events)
    {
        _shim = shim;
        _channel = channel;
        _events = events;
        _onData = Handler(shim.DataReceived, nameof(OnData));
        _onClosed = Handler(shim.Closed, nameof(OnClosed));
        _onException = Handler(shim.Exception, nameof(OnException));
        shim.DataReceived.AddEventHandler(channel, _onData);
        shim.Closed.AddEventHandler(channel, _onClosed);
        shim.Exception.AddEventHandler(channel, _onException);
        try
        {
            Invoke(shim.OpenMethod);
            Accepted = (bool)Invoke(shim.SendSubsystemRequest, subsystem)!;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>What the channel reports, on SSH.NET's threads.</summary>
    internal interface IEvents
    {
        void Data(ReadOnlySpan<byte> data);

        void Closed();

        void Failed(Exception exception);
    }

    /// <summary>The server answered the subsystem request with success.</summary>
    public bool Accepted { get; }

    /// <summary>Sends bytes (SSH.NET splits them by packet size and waits for window space).</summary>
    public void Send(byte[] buffer, int offset, int count) => Invoke(_shim.SendData, buffer, offset, count);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            ((IDisposable)_channel).Dispose(); // sends EOF and CLOSE, waits briefly for the server's CLOSE
        }
        finally
        {
            _shim.DataReceived.RemoveEventHandler(_channel, _onData);
            _shim.Closed.RemoveEventHandler(_channel, _onClosed);
            _shim.Exception.RemoveEventHandler(_channel, _onException);
        }
    }

    private void OnData(object? sender, EventArgs e) => _events.Data(_shim.Data(e));

    private void OnClosed(object? sender, EventArgs e) => _events.Closed();

    private void OnException(object? sender, EventArgs e) =>
        _events.Failed((e as Renci.SshNet.Common.ExceptionEventArgs)?.Exception ?? new IOException("SSH channel error"));

    /// <summary>An <c>EventHandler&lt;internal args&gt;</c> bound to a handler taking <see cref="EventArgs"/> (contravariant binding).</summary>
    private Delegate Handler(EventInfo e, string method) =>
        Delegate.CreateDelegate(e.EventHandlerType!, this,
            typeof(SshNetSubsystemChannel).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!);

    /// <summary>Invokes a reflected member, rethrowing SSH.NET's own exception rather than the reflection wrapper.</summary>
    private object? Invoke(MethodInfo method, params object?[] arguments)
    {
        try
        {
            return method.Invoke(_channel, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
