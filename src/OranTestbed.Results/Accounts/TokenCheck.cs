namespace OranTestbed.Results.Accounts;

/// <summary>The store's answer to a presented token: its state, its account (null when <see cref="TokenState.Unknown"/>)
/// and when it stops working: when <see cref="TokenState.Expired"/> or <see cref="TokenState.Retired"/>, when it stopped;
/// when <see cref="TokenState.Valid"/>, when it will (its expiry, or the end of a rotation's grace; null: never). Told only
/// to a holder of the real token, so it reveals nothing to a guesser.</summary>
public sealed record TokenCheck(TokenState State, Account? Account, DateTimeOffset? EndsAt)
{
    public static readonly TokenCheck Unknown = new(TokenState.Unknown, null, null);
}
