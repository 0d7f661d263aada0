namespace OranTestbed.Emulation.Mplane;

/// <summary>The <c>operation</c> attribute of edit-config (RFC 6241 §7.2), and <c>none</c> as a default-operation.</summary>
public enum EditOperation
{
    Merge,
    Replace,
    Create,
    Delete,
    Remove,
    None,
}
