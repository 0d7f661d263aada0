namespace OranTestbed.Mplane.Operations;

/// <summary>RFC 6241 §7.2 edit-config <c>default-operation</c>: how config without an <c>operation</c> attribute applies.</summary>
public enum NetconfDefaultOperation
{
    Merge,
    Replace,
    None,
}
