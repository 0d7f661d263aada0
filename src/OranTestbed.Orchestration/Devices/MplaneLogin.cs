namespace OranTestbed.Orchestration.Devices;

/// <summary>Who an M-plane session logs in as: the driver's own user, another account of the O-RU's driver
/// (<c>accounts:</c>, for access control), or the driver's user with a wrong password (CONF.0 §3.1.1.2).</summary>
public sealed record MplaneLogin(string? Account = null, bool WrongPassword = false)
{
    public static readonly MplaneLogin Driver = new();

    public override string ToString() => Account is { } a ? $"account {a}" : WrongPassword ? "a wrong password" : "the driver's user";
}
