using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

/// <summary>The results server's verification queue in the store (migration V005), on both databases: accepted uploads are
/// taken once each in acceptance order, what a dead worker held is queued again, and a verification ends with its checks
/// and status together.</summary>
public sealed class VerificationQueueSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private const string Receipt = """{"uploadSha256":"x","runs":[],"stored":0,"alreadyStored":0,"executions":[]}""";

    private static string Sha(int n) => new((char)('0' + n), 64);

    private async Task<UploadVerification> AcceptAsync(int n) => await Store.AcceptUploadAsync(Sha(n), "lab-a", Receipt);

    [SetUp]
    public async Task CreateAccount() => await Store.CreateAccountAsync("lab-a", AccountRole.Vendor, "polaris");

    [Test]
    public async Task ResultsStore_must_accept_an_upload_once_and_queue_it_accepted()
    {
        var first = await AcceptAsync(1);
        var again = await AcceptAsync(1);

        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo(first), "the same content from the same account is one upload");
            Assert.That((first.Status, first.AccountVendor, first.Receipt, first.Attempts), Is.EqualTo((VerificationStatus.Accepted, "polaris", Receipt, 0)));
            Assert.That(await Store.FindUploadAsync(Sha(1), "lab-a"), Is.EqualTo(first));
            Assert.That(await Store.GetUploadAsync(first.UploadId), Is.EqualTo(first));
            Assert.That(await Store.GetUploadAsync("no-such-upload"), Is.Null);
        });
    }

    [Test]
    public async Task ResultsStore_must_hand_each_accepted_upload_to_one_claimant_in_acceptance_order()
    {
        var accepted = new[] { await AcceptAsync(1), await AcceptAsync(2), await AcceptAsync(3), await AcceptAsync(4) };

        var first = await Store.ClaimNextVerificationAsync();
        var second = await Store.ClaimNextVerificationAsync();
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.ClaimNextVerificationAsync())));

        Assert.Multiple(async () =>
        {
            Assert.That(new[] { first!.UploadId, second!.UploadId }, Is.EqualTo(accepted.Take(2).Select(u => u.UploadId)));
            Assert.That((first.Status, first.Attempts, first.StartedAt), Is.EqualTo((VerificationStatus.Analysing, 1, first.StartedAt)));
            Assert.That(first.StartedAt, Is.Not.Null);
            Assert.That(racing.Where(u => u is not null).Select(u => u!.UploadId), Is.EquivalentTo(accepted.Skip(2).Select(u => u.UploadId)),
                "six claimants racing for two uploads: each taken once");
            Assert.That(await Store.ClaimNextVerificationAsync(), Is.Null, "nothing left");
        });
    }

    [Test]
    public async Task ResultsStore_must_queue_again_what_was_left_analysing_and_take_back_a_released_upload()
    {
        var upload = await AcceptAsync(1);
        await Store.ClaimNextVerificationAsync();

        int requeued = await Store.RequeueInterruptedVerificationsAsync();
        var retaken = await Store.ClaimNextVerificationAsync();
        await Store.ReleaseVerificationAsync(upload.UploadId);
        var released = await Store.GetUploadAsync(upload.UploadId);

        Assert.Multiple(() =>
        {
            Assert.That(requeued, Is.EqualTo(1));
            Assert.That((retaken!.UploadId, retaken.Attempts), Is.EqualTo((upload.UploadId, 2)), "the interrupted attempt counts");
            Assert.That((released!.Status, released.Attempts, released.StartedAt), Is.EqualTo((VerificationStatus.Accepted, 1, (DateTimeOffset?)null)),
                "a hand-back does not count");
        });
    }

    [Test]
    public async Task ResultsStore_must_end_a_verification_with_its_checks_and_status_together()
    {
        await Store.BeginRunAsync(Samples.Run());
        await Store.RecordAsync(Samples.Execution(Samples.Id(1)));
        var upload = await AcceptAsync(1);
        await Store.ClaimNextVerificationAsync();
        var check = new EvidenceCheck("demo-20250314-092653", Samples.Id(1), EvidenceStatus.Flagged, Verdict.Pass, Verdict.Fail, "n28",
            ["ab"], "claimed PASS, capture FAIL", DateTimeOffset.UtcNow);
        var bad = check with { ExecutionId = Samples.Id(2), Reason = "nul \0" };

        Assert.That(() => Store.CompleteVerificationAsync(upload.UploadId, VerificationStatus.Analysing, null, []),
            Throws.ArgumentException.With.Message.Contains("does not end"));
        Assert.That(() => Store.CompleteVerificationAsync(upload.UploadId, VerificationStatus.Flagged, null, [check, bad]),
            Throws.ArgumentException);
        var refused = await Store.GetUploadAsync(upload.UploadId);
        await Store.CompleteVerificationAsync(upload.UploadId, VerificationStatus.Flagged, null, [check]);
        var done = await Store.GetUploadAsync(upload.UploadId);

        Assert.Multiple(async () =>
        {
            Assert.That(refused!.Status, Is.EqualTo(VerificationStatus.Analysing), "a refused completion changes nothing");
            Assert.That((done!.Status, done.Reason, done.FinishedAt is not null), Is.EqualTo((VerificationStatus.Flagged, (string?)null, true)));
            Assert.That((await Store.ListEvidenceChecksAsync()).Values.Single().Reason, Is.EqualTo(check.Reason));
        });
    }

    [Test]
    public async Task Migration_V005_must_queue_the_uploads_journaled_before_it()
    {
        var upload = await AcceptAsync(1);
        // Back to the schema before V005: the upload journaled, no queue.
        await using (var connection = await ConnectAsync())
        {
            await ExecuteAsync(connection, "DROP TABLE verification_queue");
            await ExecuteAsync(connection, "DELETE FROM schema_versions WHERE scriptname LIKE '%V005__verification_queue%'");
        }

        var reopened = await Target.OpenAsync();
        var queued = await reopened.FindUploadAsync(Sha(1), "lab-a");

        Assert.That(queued, Is.Not.Null);
        Assert.That((queued!.UploadId, queued.Status, queued.AcceptedAt, queued.Receipt),
            Is.EqualTo(("legacy-1", VerificationStatus.Accepted, upload.AcceptedAt, Receipt)));
    }

    private async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Target.Options.Database }.ToString())
            : new NpgsqlConnection(Target.Options.Database);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
