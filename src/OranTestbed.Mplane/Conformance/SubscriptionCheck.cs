using OranTestbed.Mplane.Oran;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.2.1: the O-DU's create-subscription on the NETCONF stream was answered ok (at bring-up; an error there
/// ends the open step) and notifications arrive: <c>subscription-accepted</c> and <c>notifications-received</c>
/// (supervision, configuration change and carrier notifications so far).
/// </summary>
public static class SubscriptionCheck
{
    public static CheckResult Of(OruBringUp oru)
    {
        ArgumentNullException.ThrowIfNull(oru);
        return CheckResult.Of(
            ("subscription-accepted", CheckResult.Flag(oru.Subscribed)),
            ("notifications-received", oru.Events.Received));
    }
}
