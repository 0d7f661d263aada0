using System.Xml.Linq;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.8 access control, on a session of another account (its NACM group decides, RFC 8341): the account reads
/// the processing elements and tries to create one (the example of §3.1.8: an fm-pm user creating a processing element
/// must get <c>access-denied</c>). Reports <c>read-allowed</c>, <c>write-accepted</c> and <c>write-denied</c> (refused
/// with error-tag access-denied; any other refusal is neither, with a note). An accepted probe is deleted again.
/// </summary>
public static class AccessControlCheck
{
    /// <summary>The processing element the probe creates.</summary>
    public const string ProbeElement = "otb-nacm-probe";

    public static async Task<CheckResult> RunAsync(NetconfSession account, OduConfiguration configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(configured);
        var pe = OranNamespaces.ProcessingElement;
        bool readAllowed;
        try
        {
            await account.GetAsync(NetconfFilter.ForSubtree(new XElement(pe + "processing-elements")), cancellationToken).ConfigureAwait(false);
            readAllowed = true;
        }
        catch (NetconfRpcException e) when (e.Errors.Any(r => r.Tag == "access-denied"))
        {
            readAllowed = false;
        }

        var refused = await ConfigWrite.TryAsync(account, StartupConfiguration.ProcessingElements(configured, ProbeElement), cancellationToken)
            .ConfigureAwait(false);
        bool denied = refused?.Errors.Any(r => r.Tag == "access-denied") == true;
        if (refused is null)
        {
            await ConfigWrite.RemoveAsync(account, pe + "processing-elements", pe + "ru-elements", ProbeElement, cancellationToken)
                .ConfigureAwait(false);
        }

        var result = CheckResult.Of(
            ("read-allowed", CheckResult.Flag(readAllowed)),
            ("write-accepted", CheckResult.Flag(refused is null)),
            ("write-denied", CheckResult.Flag(denied)));
        return refused is not null && !denied ? result with { Notes = [$"refused, but not by access control: {refused.Message}"] } : result;
    }
}
