using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>An RPC waiting for its reply. Continuations run asynchronously: completing one never runs the caller's code
/// on the session's read loop (which also delivers the other replies and the notifications).</summary>
internal sealed class PendingRpc(string messageId, string operation)
{
    private readonly TaskCompletionSource<XElement> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string MessageId { get; } = messageId;

    public string Operation { get; } = operation;

    public Task<XElement> Reply => _reply.Task;

    public void Complete(XElement reply) => _reply.TrySetResult(reply);

    public void Fail(Exception exception) => _reply.TrySetException(exception);

    public override string ToString() => $"rpc {MessageId} ({Operation})";
}
