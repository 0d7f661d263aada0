using OranTestbed.Emulation.Mplane;
using OranTestbed.TestSupport;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>What the emulated O-RU reads from testplans/yang: modules, list keys and O-RAN node names.</summary>
[TestFixture]
public sealed class YangCatalogSpecs
{
    [TestCase("low-level-tx-endpoints", "name")]
    [TestCase("tx-array-carriers", "name")]
    [TestCase("interface", "name")]
    [TestCase("component", "name")]
    [TestCase("rx-window-measurement-objects", "measurement-object")]
    [TestCase("bandwidth-scs-delay-state", "bandwidth subcarrier-spacing")]
    [TestCase("software-slot", "name")]
    public void YangCatalog_must_read_the_keys_of_a_list(string list, string keys) =>
        Assert.That(string.Join(' ', OruHarness.Yang.ListKeys[list]), Is.EqualTo(keys));

    [Test]
    public void YangCatalog_must_know_every_served_module_with_its_namespace_and_newest_revision()
    {
        var yang = OruHarness.Yang;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(yang.Modules.Select(m => m.Name), Is.EquivalentTo(YangCatalog.ServedModuleNames));
            Assert.That(yang.Find("o-ran-performance-management")?.Capability(),
                Is.EqualTo("urn:o-ran:performance-management:1.0?module=o-ran-performance-management&revision=2024-12-23"));
            Assert.That(yang.Find("iana-hardware")?.Revision, Is.EqualTo("2018-03-13"));
            Assert.That(yang.OranNodeNames, Does.Contain("eaxc-id").And.Contain("compression-method").And.Contain("vlan-id"));
            Assert.That(yang.OranNodeNames, Does.Not.Contain("eaxc-idd"));
        }
    }

    [Test]
    public void YangCatalog_must_name_a_missing_module()
    {
        string folder = Directory.CreateTempSubdirectory("yang-").FullName;
        try
        {
            File.Copy(Path.Combine(OruHarness.YangFolder, "ietf", "ietf-yang-types.yang"), Path.Combine(folder, "ietf-yang-types.yang"));
            var ex = Assert.Throws<FileNotFoundException>(() => YangCatalog.Load(folder));
            Assert.That(ex.Message, Does.Contain("ietf-inet-types.yang"));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }
}
