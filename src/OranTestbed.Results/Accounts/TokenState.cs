namespace OranTestbed.Results.Accounts;

/// <summary>What the store knows of a presented token.</summary>
public enum TokenState
{
    /// <summary>Works: its account is active, it has not expired and no rotation's grace has ended for it.</summary>
    Valid,

    /// <summary>Its account's token, past its expiry.</summary>
    Expired,

    /// <summary>Replaced by a rotation whose grace has ended.</summary>
    Retired,

    /// <summary>Not a token of any active account (unknown, malformed, or its account revoked): nothing more is said.</summary>
    Unknown,
}
