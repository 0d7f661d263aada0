using System.Xml.Linq;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Mplane.Oran;

namespace OranTestbed.Mplane.Tests.Oran;

/// <summary>The O-RU's ru-delay-profile, as a <c>&lt;get&gt;</c> returns it, becomes the profile's O-RU delay windows.</summary>
public sealed class RuDelayProfileSpecs
{
    private static readonly XElement Data = XElement.Parse("""
        <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <dm:delay-management xmlns:dm="urn:o-ran:delay:1.0">
            <dm:bandwidth-scs-delay-state>
              <dm:bandwidth>20000</dm:bandwidth><dm:subcarrier-spacing>15000</dm:subcarrier-spacing>
              <dm:ru-delay-profile><dm:t2a-min-up>100000</dm:t2a-min-up></dm:ru-delay-profile>
            </dm:bandwidth-scs-delay-state>
            <dm:bandwidth-scs-delay-state>
              <dm:bandwidth>100000</dm:bandwidth><dm:subcarrier-spacing>30000</dm:subcarrier-spacing>
              <dm:ru-delay-profile>
                <dm:t2a-min-up>134000</dm:t2a-min-up><dm:t2a-max-up>345000</dm:t2a-max-up>
                <dm:t2a-min-cp-dl>259000</dm:t2a-min-cp-dl><dm:t2a-max-cp-dl>470000</dm:t2a-max-cp-dl>
                <dm:tcp-adv-dl>125000</dm:tcp-adv-dl>
                <dm:ta3-min>50000</dm:ta3-min><dm:ta3-max>171000</dm:ta3-max>
                <dm:t2a-min-cp-ul>259000</dm:t2a-min-cp-ul><dm:t2a-max-cp-ul>470000</dm:t2a-max-cp-ul>
                <dm:ta3-min-ack>1000</dm:ta3-min-ack>
              </dm:ru-delay-profile>
            </dm:bandwidth-scs-delay-state>
          </dm:delay-management>
        </data>
        """);

    [Test]
    public void The_profile_of_the_carrier_must_give_the_o_ru_windows_in_nanoseconds()
    {
        var delays = RuDelayProfile.Read(Data, 100_000, 30_000)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delays.Get(DelayParameter.T2aMinUp), Is.EqualTo(134_000));
            Assert.That(delays.Get(DelayParameter.Ta3Max), Is.EqualTo(171_000));
            Assert.That(delays.Get(DelayParameter.TcpAdvDl), Is.EqualTo(125_000));
            Assert.That(delays.Get(DelayParameter.T1aMinUp), Is.Null, "the O-DU's windows are not the O-RU's to say");
            Assert.That(RuDelayProfile.Read(Data, 100_000, 15_000), Is.Null, "no profile for that SCS");
            Assert.That(RuDelayProfile.Carriers(Data), Is.EqualTo(new[] { (20_000L, 15_000L), (100_000L, 30_000L) }));
        }
    }

    [Test]
    public void A_value_that_is_not_a_number_must_be_named()
    {
        var broken = XElement.Parse(Data.ToString().Replace("171000", "171us", StringComparison.Ordinal));

        Assert.That(() => RuDelayProfile.Read(broken, 100_000, 30_000),
            Throws.TypeOf<FormatException>().With.Message.Contains("ta3-max: '171us'"));
    }
}
