namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>The M-plane conformance checks an <c>m-plane</c> step performs on the O-RU (O-RAN.WG4.CONF.0 §3.1).</summary>
public enum MplaneCheck
{
    /// <summary><c>handshake</c> (§3.1.1.1/.2): the hello exchange of the session, or with <c>credentials: wrong</c> a
    /// login that must be refused.</summary>
    Handshake,

    /// <summary><c>subscription</c> (§3.1.2.1): create-subscription on the NETCONF stream answered ok, notifications flow.</summary>
    Subscription,

    /// <summary><c>supervision</c> (§3.1.3.1): <c>rounds</c> watchdog resets at a shortened <c>interval</c>, none missed.</summary>
    Supervision,

    /// <summary><c>supervision-failure</c> (§3.1.3.2): the O-DU stops resetting; the O-RU must deactivate its carriers.</summary>
    SupervisionFailure,

    /// <summary><c>retrieval</c> (§3.1.4.1/.2): a get without filter, or with a subtree <c>filter</c> that must be honoured.</summary>
    Retrieval,

    /// <summary><c>configurability</c> (§3.1.10.1/.2): unique eAxC ids accepted and notified, duplicate ones rejected.</summary>
    Configurability,

    /// <summary><c>access-control</c> (§3.1.8.x): a session as the lab's <c>account</c> tries to write a processing
    /// element; NACM decides.</summary>
    AccessControl,
}
