namespace OranTestbed.Emulation.Mplane;

/// <summary>An operation refused with an <see cref="RpcError"/>: the session answers it as <c>&lt;rpc-error&gt;</c>.</summary>
public sealed class NetconfRpcException : Exception
{
    public NetconfRpcException(RpcError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public NetconfRpcException()
        : this(RpcError.OperationFailed("operation failed"))
    {
    }

    public NetconfRpcException(string message)
        : this(RpcError.OperationFailed(message))
    {
    }

    public NetconfRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = RpcError.OperationFailed(message);
    }

    public RpcError Error { get; }
}
