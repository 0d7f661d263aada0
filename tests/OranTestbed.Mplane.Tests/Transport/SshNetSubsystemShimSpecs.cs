using System.Reflection;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// The guard over SSH.NET internals: every reflected member must resolve in the pinned SSH.NET, so an upgrade that moves
/// one fails here, at build time, with the member's name — not in a session against an O-RU.
/// </summary>
[TestFixture]
public sealed class SshNetSubsystemShimSpecs
{
    [Test]
    public void SshNet_subsystem_shim_must_resolve_every_internal_member_of_the_pinned_SSH_NET()
    {
        SshNetSubsystemShim shim = SshNetSubsystemShim.Resolve(typeof(Renci.SshNet.BaseClient).Assembly);

        Assert.That(shim.Version, Does.StartWith("2026.0.1"), "Directory.Packages.props pins SSH.NET [2026.0.1]; re-verify the shim before moving it");
        Assert.That(shim.SendSubsystemRequest.ReturnType, Is.EqualTo(typeof(bool)));
    }

    [Test]
    public void SshNet_subsystem_shim_must_read_channel_data_from_SSH_NET_event_arguments()
    {
        SshNetSubsystemShim shim = SshNetSubsystemShim.Resolve(typeof(Renci.SshNet.BaseClient).Assembly);
        Type argsType = typeof(Renci.SshNet.BaseClient).Assembly.GetType("Renci.SshNet.Common.ChannelDataEventArgs", throwOnError: true)!;
        byte[] data = "<hello/>"u8.ToArray();
        ConstructorInfo constructor = argsType.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Single(c => c.GetParameters() is [{ ParameterType: var channel }, { ParameterType: var payload }] && channel == typeof(uint) && payload == typeof(byte[]));
        var args = (EventArgs)constructor.Invoke([7u, data]);

        ArraySegment<byte> read = shim.Data(args);

        Assert.That(read.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public void SshNet_subsystem_shim_must_name_the_version_and_the_missing_member_when_internals_change()
    {
        Assembly notSshNet = typeof(object).Assembly;

        var e = Assert.Throws<NotSupportedException>(() => SshNetSubsystemShim.Resolve(notSshNet));

        Assert.That(e.Message, Does.StartWith($"SSH.NET {notSshNet.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion}: "));
        Assert.That(e.Message, Does.Contain("internal member Renci.SshNet.BaseClient not found; the netconf subsystem shim needs updating"));
    }

    [Test]
    public void SshNet_subsystem_shim_must_resolve_once_for_the_process()
    {
        SshNetSubsystemShim first = SshNetSubsystemShim.Instance;

        Assert.That(SshNetSubsystemShim.Instance, Is.SameAs(first));
    }
}
