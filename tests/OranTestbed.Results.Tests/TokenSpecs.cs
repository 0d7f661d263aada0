using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

/// <summary>Token expiry and rotation (V007) on both databases, on a clock the spec moves.</summary>
public sealed class TokenSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private Task<ResultsStore> OpenClockedAsync() => ResultsStore.OpenAsync(Target.Options with { Clock = _clock });

    [Test]
    public async Task ResultsStore_must_refuse_a_token_once_it_expired_and_say_so()
    {
        var store = await OpenClockedAsync();
        var (created, token) = await store.CreateAccountAsync("lab", AccountRole.Integrator, null, new TokenLifetime(TimeSpan.FromHours(1)));

        var before = await store.CheckTokenAsync(token);
        _clock.Advance(TimeSpan.FromHours(1));
        var after = await store.CheckTokenAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(created.TokenExpiresAt, Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(before.State, Is.EqualTo(TokenState.Valid));
            Assert.That(after.State, Is.EqualTo(TokenState.Expired));
            Assert.That(after.EndsAt, Is.EqualTo(_clock.GetUtcNow()));
        });
        Assert.That(await store.FindAccountByTokenAsync(token), Is.Null);
    }

    [Test]
    public async Task ResultsStore_must_give_the_default_lifetime_and_no_expiry_only_when_asked()
    {
        var store = await OpenClockedAsync();
        var (standard, _) = await store.CreateAccountAsync("a", AccountRole.Operator, null);
        var (forever, token) = await store.CreateAccountAsync("b", AccountRole.Operator, null, TokenLifetime.Never);

        _clock.Advance(TimeSpan.FromDays(4000));

        Assert.Multiple(async () =>
        {
            Assert.That(standard.TokenExpiresAt, Is.EqualTo(_clock.GetUtcNow() - TimeSpan.FromDays(4000) + TimeSpan.FromDays(365)));
            Assert.That(forever.TokenExpiresAt, Is.Null);
            Assert.That((await store.CheckTokenAsync(token)).State, Is.EqualTo(TokenState.Valid));
        });
    }

    [Test]
    public async Task ResultsStore_must_keep_the_old_token_working_through_the_grace_only()
    {
        var store = await OpenClockedAsync();
        var (_, old) = await store.CreateAccountAsync("agent", AccountRole.Vendor, "polaris");

        var rotated = await store.RotateTokenAsync("agent", TimeSpan.FromHours(24), TokenLifetime.Default);
        string fresh = rotated!.Value.Token;
        var inGrace = await store.CheckTokenAsync(old);
        _clock.Advance(TimeSpan.FromHours(24));
        var afterGrace = await store.CheckTokenAsync(old);

        Assert.Multiple(async () =>
        {
            Assert.That(fresh, Is.Not.EqualTo(old));
            Assert.That(inGrace.State, Is.EqualTo(TokenState.Valid));
            Assert.That(afterGrace.State, Is.EqualTo(TokenState.Retired));
            Assert.That((await store.FindAccountByTokenAsync(fresh))?.Name, Is.EqualTo("agent"));
            Assert.That((await store.ListAccountsAsync()).Single().TokenExpiresAt, Is.EqualTo(rotated.Value.Account.TokenExpiresAt));
            Assert.That(await store.RotateTokenAsync("nobody", TimeSpan.Zero, TokenLifetime.Default), Is.Null);
        });
    }

    [Test]
    public async Task ResultsStore_must_not_lengthen_an_earlier_grace_and_revoke_must_stop_every_token()
    {
        var store = await OpenClockedAsync();
        var (_, first) = await store.CreateAccountAsync("agent", AccountRole.Integrator, null);
        string second = (await store.RotateTokenAsync("agent", TimeSpan.Zero, TokenLifetime.Default))!.Value.Token;
        string third = (await store.RotateTokenAsync("agent", TimeSpan.FromHours(1), TokenLifetime.Default))!.Value.Token;

        Assert.Multiple(async () =>
        {
            Assert.That((await store.CheckTokenAsync(first)).State, Is.EqualTo(TokenState.Retired), "its zero grace stands");
            Assert.That((await store.CheckTokenAsync(second)).State, Is.EqualTo(TokenState.Valid));
            Assert.That((await store.CheckTokenAsync(third)).State, Is.EqualTo(TokenState.Valid));
        });

        await store.RevokeAccountAsync("agent");
        Assert.That((await store.CheckTokenAsync(third)).State, Is.EqualTo(TokenState.Unknown));
        Assert.That((await store.CheckTokenAsync(second)).State, Is.EqualTo(TokenState.Unknown));
    }

    [Test]
    public async Task Migration_V007_must_keep_existing_tokens_working_for_the_default_lifetime_from_the_upgrade()
    {
        var (_, token) = await Store.CreateAccountAsync("before-v7", AccountRole.Operator, null);
        await DowngradeToVersion6Async();

        var upgraded = await OpenClockedAsync();
        var check = await upgraded.CheckTokenAsync(token);
        _clock.Advance(TimeSpan.FromDays(365));
        var reopened = await OpenClockedAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await upgraded.AppliedMigrationsAsync(), Has.Some.Contains("V007__account_tokens"));
            Assert.That(check.State, Is.EqualTo(TokenState.Valid));
            Assert.That(check.Account!.TokenExpiresAt, Is.EqualTo(_clock.GetUtcNow()), "the upgrade + 365 days, and the clock moved 365 days");
            Assert.That((await reopened.CheckTokenAsync(token)).State, Is.EqualTo(TokenState.Expired), "a re-open does not extend it");
        });
    }

    private async Task DowngradeToVersion6Async()
    {
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection($"Data Source={Target.Options.Database}")
            : new NpgsqlConnection(Target.Options.Database);
        await connection.OpenAsync();
        foreach (string sql in new[]
        {
            "DROP TABLE audit_event", "DROP TABLE account_token",
            "DELETE FROM schema_versions WHERE scriptname LIKE '%V007__account_tokens%'",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
