using OranTestbed.Results.Accounts;
using OranTestbed.Results.Tests.Support;
using OranTestbed.Results.Store;

namespace OranTestbed.Results.Tests;

public sealed class AccountSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    [Test]
    public async Task ResultsStore_must_find_an_account_by_its_token_and_keep_only_the_hash()
    {
        var (created, token) = await Store.CreateAccountAsync("lab-a", AccountRole.Vendor, "polaris");

        var found = await Store.FindAccountByTokenAsync(token);
        // SQLite: the database file and its write-ahead log hold every byte stored; none is the token.
        byte[] database = Kind == DatabaseKind.Sqlite
            ? [.. await File.ReadAllBytesAsync(Target.Options.Database), .. File.Exists(Target.Options.Database + "-wal")
                ? await File.ReadAllBytesAsync(Target.Options.Database + "-wal") : []]
            : [];

        Assert.Multiple(() =>
        {
            Assert.That(token, Does.StartWith(AccountTokens.Prefix).And.Length.EqualTo(47));
            Assert.That(AccountTokens.LooksLikeToken(token), Is.True);
            Assert.That(found, Is.EqualTo(created));
            Assert.That(System.Text.Encoding.ASCII.GetString(database), Does.Not.Contain(token[AccountTokens.Prefix.Length..])
                .And.Contain(AccountTokens.Hash(token)).Or.Empty);
        });
    }

    [Test]
    public async Task ResultsStore_must_refuse_unknown_revoked_and_malformed_tokens_and_duplicate_names()
    {
        var (_, token) = await Store.CreateAccountAsync("ops", AccountRole.Operator, null);
        string other = AccountTokens.NewToken();

        Assert.That(await Store.RevokeAccountAsync("ops"), Is.True);

        Assert.Multiple(async () =>
        {
            Assert.That(await Store.FindAccountByTokenAsync(token), Is.Null, "revoked");
            Assert.That(await Store.FindAccountByTokenAsync(other), Is.Null, "unknown");
            Assert.That(await Store.FindAccountByTokenAsync("' OR '1'='1"), Is.Null, "malformed");
            Assert.That((await Store.ListAccountsAsync()).Single().IsActive, Is.False);
            Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateAccountAsync("ops", AccountRole.Admin, null));
            Assert.Throws<ArgumentException>(() => Store.CreateAccountAsync("v", AccountRole.Vendor, null).GetAwaiter().GetResult());
        });
    }
}
