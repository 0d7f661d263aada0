namespace OranTestbed.Mplane.Operations;

/// <summary>RFC 6241 §7.2 edit-config <c>error-option</c> (rollback-on-error needs :rollback-on-error).</summary>
public enum NetconfErrorOption
{
    StopOnError,
    ContinueOnError,
    RollbackOnError,
}
