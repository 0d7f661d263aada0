namespace OranTestbed.Mplane.Operations;

/// <summary>RFC 6241 §7.2 edit-config <c>test-option</c> (needs :validate).</summary>
public enum NetconfTestOption
{
    TestThenSet,
    Set,
    TestOnly,
}
