namespace OranTestbed.Plans.Lab;

/// <summary>Another user of an O-RU's M-plane (<c>accounts:</c> of a netconf driver), credentials by reference only.</summary>
public sealed record NetconfAccount(string User, NetconfCredentials Credentials);
