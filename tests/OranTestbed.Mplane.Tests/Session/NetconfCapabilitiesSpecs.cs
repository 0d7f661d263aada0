using OranTestbed.Mplane.Session;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>The capability set and YANG module inventory of a hello, as netconfd 2.13 advertises them (mplane.md §1.3).</summary>
public sealed class NetconfCapabilitiesSpecs
{
    /// <summary>A netconfd-style server hello: protocol capabilities, then one capability per loaded module.</summary>
    private static readonly string[] NetconfdHello =
    [
        Base10,
        Base11,
        "urn:ietf:params:netconf:capability:candidate:1.0",
        "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
        "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
        "urn:ietf:params:netconf:capability:validate:1.1",
        "urn:ietf:params:netconf:capability:startup:1.0",
        "urn:ietf:params:netconf:capability:url:1.0?scheme=file",
        "urn:ietf:params:netconf:capability:xpath:1.0",
        "urn:ietf:params:netconf:capability:notification:1.0",
        "urn:ietf:params:netconf:capability:interleave:1.0",
        "urn:ietf:params:netconf:capability:partial-lock:1.0",
        "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&also-supported=report-all,trim",
        "urn:ietf:params:netconf:capability:yang-library:1.0?revision=2016-06-21&module-set-id=4133",
        "urn:o-ran:uplane-conf:1.0?module=o-ran-uplane-conf&revision=2024-12-23",
        "urn:o-ran:supervision:1.0?module=o-ran-supervision&revision=2022-12-05",
        "urn:ietf:params:xml:ns:yang:ietf-interfaces?module=ietf-interfaces&revision=2018-02-20&features=arbitrary-names,pre-provisioning",
        "urn:ietf:params:xml:ns:yang:ietf-ip?module=ietf-ip&revision=2018-02-22&deviations=vendor-ip-devs",
        "urn:o-ran:module-cap:1.0?module=o-ran-module-cap&revision=2024-12-23&features=LAA%2CTRANSPORT-FRAGMENTATION",
    ];

    [Test]
    public async Task Capabilities_must_yield_the_module_inventory_of_a_netconfd_hello()
    {
        var (session, server) = await ConnectAsync(capabilities: NetconfdHello);
        await using var _ = server;
        await using var __ = session;
        var capabilities = session.ServerCapabilities;
        var uplane = capabilities.FindModule("o-ran-uplane-conf");
        var interfaces = capabilities.FindModule("ietf-interfaces");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(capabilities.All, Is.EqualTo(NetconfdHello), "every URI kept as sent, in order");
            Assert.That(capabilities.Modules.Select(m => m.Module),
                Is.EqualTo((string[])["o-ran-uplane-conf", "o-ran-supervision", "ietf-interfaces", "ietf-ip", "o-ran-module-cap"]),
                "with-defaults and yang-library carry a query but name no module");
            Assert.That(uplane!.Namespace, Is.EqualTo("urn:o-ran:uplane-conf:1.0"));
            Assert.That(uplane.Revision, Is.EqualTo("2024-12-23"));
            Assert.That(uplane.Features, Is.Empty);
            Assert.That(uplane.Deviations, Is.Empty);
            Assert.That(capabilities.FindModule("o-ran-supervision")!.Revision, Is.EqualTo("2022-12-05"));
            Assert.That(interfaces!.Features, Is.EqualTo((string[])["arbitrary-names", "pre-provisioning"]));
            Assert.That(interfaces.HasFeature("pre-provisioning"), Is.True);
            Assert.That(capabilities.FindModule("ietf-ip")!.Deviations, Is.EqualTo((string[])["vendor-ip-devs"]));
            Assert.That(capabilities.FindModule("o-ran-module-cap")!.Features, Is.EqualTo((string[])["LAA", "TRANSPORT-FRAGMENTATION"]),
                "percent-encoded query values are decoded");
            Assert.That(capabilities.FindModule("o-ran-fm"), Is.Null);
        }
    }

    [Test]
    public void Base_capabilities_must_be_found_by_their_short_names()
    {
        var capabilities = new NetconfCapabilities(NetconfdHello);
        var bare = new NetconfCapabilities([Base10, "urn:ietf:params:netconf:capability:confirmed-commit:1.0"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(capabilities.Candidate && capabilities.Validate && capabilities.Startup && capabilities.XPath
                && capabilities.Notification && capabilities.Interleave && capabilities.ConfirmedCommit && capabilities.RollbackOnError, Is.True);
            Assert.That(capabilities.WritableRunning, Is.False, "netconfd writes through the candidate");
            Assert.That(capabilities.Supports(":url"), Is.True, "the query does not matter");
            Assert.That(capabilities.Supports(":validate:1.1"), Is.True);
            Assert.That(capabilities.Supports(":validate:1.0"), Is.False, "a version asked for must match");
            Assert.That(capabilities.Supports(":valid"), Is.False, "names match whole, not as prefixes");
            Assert.That(capabilities.Supports("urn:o-ran:supervision:1.0"), Is.True, "a full URI matches without its query");
            Assert.That(bare.ConfirmedCommit, Is.True);
            Assert.That(bare.Supports(":confirmed-commit:1.1"), Is.False);
            Assert.That(bare.Candidate || bare.XPath || bare.Notification, Is.False);
        }
    }
}
