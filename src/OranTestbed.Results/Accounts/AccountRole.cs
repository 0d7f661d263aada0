namespace OranTestbed.Results.Accounts;

/// <summary>What an account of the results server may do.</summary>
public enum AccountRole
{
    /// <summary>Publishes campaign runs (uploads any combination) and reads everything.</summary>
    Integrator,

    /// <summary>Bound to a lab vendor: uploads only results whose combination includes one of its products, and sees
    /// only those.</summary>
    Vendor,

    /// <summary>Reads everything (matrices, executions, evidence); uploads nothing.</summary>
    Operator,

    /// <summary>Manages accounts; reads everything.</summary>
    Admin,
}
