using OranTestbed.Cli.Tests.Support;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>oran-testbed accounts add --expires</c>, <c>rotate</c> and <c>audit</c> as real processes on a store.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class AccountsRotationSpecs
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "rotate", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_results);

    [Test]
    public async Task Accounts_rotate_must_print_a_new_token_once_and_retire_the_old_one_after_the_grace()
    {
        string plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        var added = CliProcess.Run("accounts", "add", "lab", "--role", "integrator", "--expires", "90d", "--results", _results, "--plans", plans);
        var rotated = CliProcess.Run("accounts", "rotate", "lab", "--grace", "0s", "--results", _results);
        var missing = CliProcess.Run("accounts", "rotate", "nobody", "--results", _results);
        var badGrace = CliProcess.Run("accounts", "rotate", "lab", "--grace", "forever", "--results", _results);
        var listed = CliProcess.Run("accounts", "list", "--results", _results);
        var store = await ResultsStore.OpenAsync(ResultsStoreOptions.Sqlite(Path.Combine(_results, "results.db")));

        Assert.Multiple(async () =>
        {
            Assert.That(added.ExitCode, Is.Zero, added.Stderr);
            Assert.That(added.Stderr, Does.Contain("expires " + DateTimeOffset.UtcNow.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(rotated.ExitCode, Is.Zero, rotated.Stderr);
            Assert.That(rotated.Stdout.Trim(), Does.StartWith("otb_").And.Not.EqualTo(added.Stdout.Trim()));
            Assert.That((await store.CheckTokenAsync(added.Stdout.Trim())).State, Is.EqualTo(TokenState.Retired));
            Assert.That((await store.CheckTokenAsync(rotated.Stdout.Trim())).State, Is.EqualTo(TokenState.Valid));
            Assert.That(missing.ExitCode, Is.EqualTo(66), missing.Stderr);
            Assert.That(badGrace.ExitCode, Is.EqualTo(64), badGrace.Stderr);
            Assert.That(listed.Stdout, Does.Contain("TOKEN EXPIRES").And.Not.Contain(rotated.Stdout.Trim()));
        });
    }

    [Test]
    public async Task Accounts_audit_must_show_the_newest_events_of_an_account()
    {
        string plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        Assert.That(CliProcess.Run("accounts", "add", "ops", "--role", "operator", "--results", _results, "--plans", plans).ExitCode, Is.Zero);
        var store = await ResultsStore.OpenAsync(ResultsStoreOptions.Sqlite(Path.Combine(_results, "results.db")));
        await store.RecordAuditAsync("ops", "read-run", "/api/v1/runs/first", 200);
        await store.RecordAuditAsync("lab", "upload", "/api/v1/uploads/u1", 201);
        await store.RecordAuditAsync("ops", "artifact-download", "/api/v1/artifacts/abc", 404);

        var audit = CliProcess.Run("accounts", "audit", "--account", "ops", "--limit", "1", "--results", _results);
        var all = CliProcess.Run("accounts", "audit", "--results", _results);

        Assert.That(audit.ExitCode, Is.Zero, audit.Stderr);
        string[] lines = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), audit.Stdout);
        Assert.That(lines[1], Does.Contain("ops").And.Contain("artifact-download").And.Contain("404").And.Contain("/api/v1/artifacts/abc"));
        Assert.That(all.Stdout, Does.Contain("/api/v1/uploads/u1").And.Contain("/api/v1/runs/first"));
    }
}
