using System.Xml.Linq;
using OranTestbed.Mplane.Operations;

namespace OranTestbed.Mplane.Tests.Operations;

/// <summary>The read-back after a commit finds an edit that did not land, leaf by leaf, with list entries matched by key.</summary>
public sealed class ConfigReadBackSpecs
{
    private static readonly XElement Edit = XElement.Parse("""
        <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <user-plane-configuration xmlns="urn:o-ran:uplane-conf:1.0">
            <tx-array-carriers><name>txcc-0</name><active>ACTIVE</active><gain>0.0</gain></tx-array-carriers>
            <low-level-tx-endpoints><name>ep-1</name><e-axcid><eaxc-id>1</eaxc-id></e-axcid></low-level-tx-endpoints>
          </user-plane-configuration>
        </config>
        """);

    private static readonly string[] LostEdit =
    [
        "/user-plane-configuration/tx-array-carriers[name='txcc-0']/active: expected 'ACTIVE', running has 'INACTIVE'",
        "/user-plane-configuration/tx-array-carriers[name='txcc-0']/gain: expected '0.0', running has none",
        "/user-plane-configuration/low-level-tx-endpoints[name='ep-1']: missing from running",
    ];

    [Test]
    public void An_edit_found_in_running_must_have_no_difference_whatever_else_running_holds()
    {
        var running = XElement.Parse("""
            <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <up:user-plane-configuration xmlns:up="urn:o-ran:uplane-conf:1.0">
                <up:low-level-tx-endpoints><up:name>ep-0</up:name><up:e-axcid><up:eaxc-id>0</up:eaxc-id></up:e-axcid></up:low-level-tx-endpoints>
                <up:low-level-tx-endpoints><up:name>ep-1</up:name><up:e-axcid><up:eaxc-id> 1 </up:eaxc-id></up:e-axcid></up:low-level-tx-endpoints>
                <up:tx-array-carriers><up:name>txcc-0</up:name><up:gain>0.0</up:gain><up:active>ACTIVE</up:active><up:state>READY</up:state></up:tx-array-carriers>
              </up:user-plane-configuration>
            </data>
            """);

        Assert.That(ConfigReadBack.Differences(Edit, running), Is.Empty);
    }

    [Test]
    public void A_lost_edit_must_be_named_leaf_by_leaf()
    {
        var running = XElement.Parse("""
            <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <user-plane-configuration xmlns="urn:o-ran:uplane-conf:1.0">
                <tx-array-carriers><name>txcc-0</name><active>INACTIVE</active></tx-array-carriers>
                <low-level-tx-endpoints><name>ep-0</name></low-level-tx-endpoints>
              </user-plane-configuration>
            </data>
            """);

        Assert.That(ConfigReadBack.Differences(Edit, running), Is.EqualTo(LostEdit));
    }
}
