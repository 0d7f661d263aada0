using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Operations;

/// <summary>Each operation sends the XML its RFC draws, returns what matters of the reply, and refuses what the server cannot do.</summary>
public sealed class NetconfOperationsSpecs
{
    private const string NcUri = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static readonly XNamespace Sync = "urn:o-ran:sync:1.0";
    private static readonly XNamespace Users = "urn:o-ran:user-mgmt:1.0";
    private static readonly XNamespace Supervision = "urn:o-ran:supervision:1.0";

    private static readonly string[] Everything =
    [
        Base10, Base11,
        "urn:ietf:params:netconf:capability:candidate:1.0",
        "urn:ietf:params:netconf:capability:writable-running:1.0",
        "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
        "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
        "urn:ietf:params:netconf:capability:validate:1.1",
        "urn:ietf:params:netconf:capability:startup:1.0",
        "urn:ietf:params:netconf:capability:xpath:1.0",
        "urn:ietf:params:netconf:capability:notification:1.0",
    ];

    private static readonly DateTimeOffset Start = new(2026, 12, 7, 17, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Shapes()
    {
        yield return Shape("get", s => s.GetAsync(), "<get/>");
        yield return Shape("get-subtree", s => s.GetAsync(NetconfFilter.ForSubtree(new XElement(Sync + "sync"))),
            "<get><filter type='subtree'><sync xmlns='urn:o-ran:sync:1.0'/></filter></get>");
        yield return Shape("get-xpath", s => s.GetAsync(NetconfFilter.ForXPath("/sync:sync/sync:sync-status", new Dictionary<string, XNamespace> { ["sync"] = Sync })),
            "<get><filter type='xpath' select='/sync:sync/sync:sync-status'/></get>");
        yield return Shape("get-config-candidate", s => s.GetConfigAsync(NetconfDatastore.Candidate, NetconfFilter.ForSubtree(new XElement(Users + "users"))),
            "<get-config><source><candidate/></source><filter type='subtree'><users xmlns='urn:o-ran:user-mgmt:1.0'/></filter></get-config>");
        yield return Shape("edit-config-options", s => s.EditConfigAsync(NetconfDatastore.Candidate, new XElement(Users + "users"),
                new NetconfEditOptions
                {
                    DefaultOperation = NetconfDefaultOperation.Replace,
                    TestOption = NetconfTestOption.TestThenSet,
                    ErrorOption = NetconfErrorOption.RollbackOnError,
                }),
            "<edit-config><target><candidate/></target><default-operation>replace</default-operation><test-option>test-then-set</test-option>"
            + "<error-option>rollback-on-error</error-option><config><users xmlns='urn:o-ran:user-mgmt:1.0'/></config></edit-config>");
        yield return Shape("edit-config-wrapped", s => s.EditConfigAsync(NetconfDatastore.Running,
                new XElement(XName.Get("config", NcUri), new XElement(Users + "users"), new XElement(Sync + "sync"))),
            "<edit-config><target><running/></target><config><users xmlns='urn:o-ran:user-mgmt:1.0'/><sync xmlns='urn:o-ran:sync:1.0'/></config></edit-config>");
        yield return Shape("lock", s => s.LockAsync(NetconfDatastore.Running), "<lock><target><running/></target></lock>");
        yield return Shape("unlock", s => s.UnlockAsync(NetconfDatastore.Candidate), "<unlock><target><candidate/></target></unlock>");
        yield return Shape("validate", s => s.ValidateAsync(NetconfDatastore.Candidate), "<validate><source><candidate/></source></validate>");
        yield return Shape("validate-inline", s => s.ValidateAsync(new XElement(Sync + "sync")),
            "<validate><source><config><sync xmlns='urn:o-ran:sync:1.0'/></config></source></validate>");
        yield return Shape("commit", s => s.CommitAsync(), "<commit/>");
        yield return Shape("commit-confirmed", s => s.ConfirmedCommitAsync(TimeSpan.FromSeconds(29.5), persist: "iot-7"),
            "<commit><confirmed/><confirm-timeout>30</confirm-timeout><persist>iot-7</persist></commit>");
        yield return Shape("commit-persist-id", s => s.ConfirmCommitAsync("iot-7"), "<commit><persist-id>iot-7</persist-id></commit>");
        yield return Shape("cancel-commit", s => s.CancelCommitAsync(), "<cancel-commit/>");
        yield return Shape("discard-changes", s => s.DiscardChangesAsync(), "<discard-changes/>");
        yield return Shape("copy-config", s => s.CopyConfigAsync(NetconfDatastore.Startup, NetconfDatastore.Running),
            "<copy-config><target><startup/></target><source><running/></source></copy-config>");
        yield return Shape("copy-config-inline", s => s.CopyConfigAsync(NetconfDatastore.Candidate, new XElement(Sync + "sync")),
            "<copy-config><target><candidate/></target><source><config><sync xmlns='urn:o-ran:sync:1.0'/></config></source></copy-config>");
        yield return Shape("delete-config", s => s.DeleteConfigAsync(NetconfDatastore.Startup), "<delete-config><target><startup/></target></delete-config>");
        yield return Shape("get-schema", s => s.GetSchemaAsync("o-ran-supervision", "2022-12-05"),
            "<get-schema xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'><identifier>o-ran-supervision</identifier>"
            + "<version>2022-12-05</version><format>yang</format></get-schema>");
        yield return Shape("create-subscription", s => s.CreateSubscriptionAsync("NETCONF",
                NetconfFilter.ForSubtree(new XElement(Supervision + "supervision-notification")), Start, Start.AddHours(1)),
            "<create-subscription xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'><stream>NETCONF</stream>"
            + "<filter type='subtree'><supervision-notification xmlns='urn:o-ran:supervision:1.0'/></filter>"
            + "<startTime>2026-12-07T17:00:00Z</startTime><stopTime>2026-12-07T18:00:00Z</stopTime></create-subscription>");
        yield return Shape("invoke", s => s.InvokeAsync(new XElement(Supervision + "supervision-watchdog-reset",
                new XElement(Supervision + "supervision-notification-interval", 60), new XElement(Supervision + "guard-timer-overhead", 10))),
            "<supervision-watchdog-reset xmlns='urn:o-ran:supervision:1.0'><supervision-notification-interval>60</supervision-notification-interval>"
            + "<guard-timer-overhead>10</guard-timer-overhead></supervision-watchdog-reset>");
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task Each_operation_must_send_the_xml_of_its_rfc(Func<NetconfSession, Task> call, string expected)
    {
        var (session, server) = await ConnectAsync(capabilities: Everything);
        await using var _ = server;
        await using var __ = session;
        var pending = call(session);
        var (id, operation) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id, operation.Name.LocalName == "get-schema"
            ? "<data xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'>module x {}</data>"
            : "<ok/>");
        await pending.WaitAsync(Patience);

        var want = WithoutNamespaceDeclarations(XElement.Parse(expected.StartsWith("<get-schema", StringComparison.Ordinal)
            || expected.StartsWith("<create-subscription", StringComparison.Ordinal) || expected.StartsWith("<supervision", StringComparison.Ordinal)
            ? expected
            : expected.Insert(expected.IndexOfAny(['>', '/']), $" xmlns='{NcUri}'")));
        Assert.That(XNode.DeepEquals(WithoutNamespaceDeclarations(operation), want), Is.True, $"sent {operation}\nwanted {want}");
    }

    [Test]
    public void An_xpath_filter_must_declare_the_prefixes_its_expression_uses()
    {
        var filter = NetconfFilter.ForXPath("/sync:sync", new Dictionary<string, XNamespace> { ["sync"] = Sync });

        var element = filter.ToElement(XNamespace.Get(NcUri));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(element.GetNamespaceOfPrefix("sync"), Is.EqualTo(Sync));
            Assert.That(element.Attribute("select")!.Value, Is.EqualTo("/sync:sync"));
            Assert.That(filter.IsXPath, Is.True);
        }
    }

    [Test]
    public async Task Operations_must_return_what_matters_of_the_reply()
    {
        var (session, server) = await ConnectAsync(capabilities: Everything);
        await using var _ = server;
        await using var __ = session;
        var serve = server.ServeAsync(operation => operation.Name.LocalName switch
        {
            "get" => "<data><sync xmlns='urn:o-ran:sync:1.0'><sync-status><sync-state>LOCKED</sync-state></sync-status></sync></data>",
            "get-config" => "",
            "get-schema" => "<data xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'>module o-ran-supervision {\n  yang-version 1.1;\n}\n</data>",
            "supervision-watchdog-reset" => "<next-update-at xmlns='urn:o-ran:supervision:1.0'>2026-12-07T18:01:00Z</next-update-at>",
            _ => "<ok/>",
        });

        var data = await session.GetAsync(NetconfFilter.ForSubtree(new XElement(Sync + "sync")));
        var empty = await session.GetConfigAsync();
        string schema = await session.GetSchemaAsync("o-ran-supervision");
        var reset = await session.InvokeAsync(new XElement(Supervision + "supervision-watchdog-reset"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Descendants(Sync + "sync-state").Single().Value, Is.EqualTo("LOCKED"));
            Assert.That(empty.Name.LocalName, Is.EqualTo("data"), "no <data> means nothing matched");
            Assert.That(empty.HasElements, Is.False);
            Assert.That(schema, Is.EqualTo("module o-ran-supervision {\n  yang-version 1.1;\n}\n"));
            Assert.That(reset.Element(Supervision + "next-update-at")!.Value, Is.EqualTo("2026-12-07T18:01:00Z"));
        }

        await session.CloseAsync();
        await serve.WaitAsync(Patience);
    }

    private static IEnumerable<TestCaseData> NeedsACapability()
    {
        yield return Need("xpath", s => s.GetAsync(NetconfFilter.ForXPath("/sync")), ":xpath");
        yield return Need("candidate", s => s.GetConfigAsync(NetconfDatastore.Candidate), ":candidate");
        yield return Need("startup", s => s.LockAsync(NetconfDatastore.Startup), ":startup");
        yield return Need("writable-running", s => s.EditConfigAsync(NetconfDatastore.Running, new XElement(Sync + "sync")), ":writable-running");
        yield return Need("validate", s => s.ValidateAsync(NetconfDatastore.Running), ":validate");
        yield return Need("commit", s => s.CommitAsync(), ":candidate");
        yield return Need("notification", s => s.CreateSubscriptionAsync(), ":notification");
    }

    [TestCaseSource(nameof(NeedsACapability))]
    public async Task An_operation_the_server_cannot_do_must_be_refused_before_sending(Func<NetconfSession, Task> call, string capability)
    {
        var (session, server) = await ConnectAsync(capabilities: [Base10, Base11]);
        await using var _ = server;
        await using var __ = session;

        var error = Assert.ThrowsAsync<NetconfCapabilityException>(async () => await call(session))!;
        var probe = session.RpcAsync(new XElement(Sync + "probe"), CancellationToken.None);
        var (id, operation) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id);
        await probe.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Capability, Is.EqualTo(capability));
            Assert.That(error.Message, Does.Contain("o-ru-1").And.Contain(capability).And.Contain("did not advertise"));
            Assert.That((id, operation.Name), Is.EqualTo(("1", Sync + "probe")), "the refused operation sent nothing");
        }
    }

    [Test]
    public async Task Operations_the_rfc_forbids_must_be_refused()
    {
        var (session, server) = await ConnectAsync(capabilities: Everything);
        await using var _ = server;
        await using var __ = session;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => session.DeleteConfigAsync(NetconfDatastore.Running), Throws.ArgumentException.With.Message.Contains("running"));
            Assert.That(() => session.EditConfigAsync(NetconfDatastore.Startup, new XElement(Sync + "sync")), Throws.ArgumentException);
            Assert.That(() => session.CopyConfigAsync(NetconfDatastore.Running, NetconfDatastore.Running), Throws.ArgumentException);
            Assert.That(() => session.CreateSubscriptionAsync(stopTime: Start), Throws.ArgumentException.With.Message.Contains("startTime"));
            Assert.That(() => NetconfFilter.ForSubtree(), Throws.ArgumentException);
        }
    }

    private static TestCaseData Shape(string name, Func<NetconfSession, Task> call, string expected) =>
        new TestCaseData(call, expected).SetArgDisplayNames(name);

    private static TestCaseData Need(string name, Func<NetconfSession, Task> call, string capability) =>
        new TestCaseData(call, capability).SetArgDisplayNames(name);

    private static XElement WithoutNamespaceDeclarations(XElement element)
    {
        var copy = new XElement(element);
        copy.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }
}
