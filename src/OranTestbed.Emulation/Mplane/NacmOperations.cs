namespace OranTestbed.Emulation.Mplane;

/// <summary>What a NACM group may do with the nodes and operations of one module (RFC 8341 access-operations, folded).</summary>
[Flags]
internal enum NacmOperations
{
    None = 0,

    /// <summary>See its data nodes and notifications.</summary>
    Read = 1,

    /// <summary>Create, update and delete its configuration.</summary>
    Write = 2,

    /// <summary>Invoke its RPCs and actions.</summary>
    Exec = 4,

    All = Read | Write | Exec,
}
