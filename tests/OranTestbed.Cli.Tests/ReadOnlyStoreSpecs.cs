using Npgsql;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport.Peers;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// The read-only commands on a PostgreSQL database that holds no results store (an empty schema): exit 66 with one
/// line naming the database (never the connection string's password), and the schema stays empty: they never create
/// a store, as on SQLite.
/// </summary>
[TestFixture(Category = PeerCategories.Postgres)]
public sealed class ReadOnlyStoreSpecs
{
    [TestCase("matrix")]
    [TestCase("results", "list")]
    [TestCase("results", "export", "run-a", "--out", "/tmp/oran-testbed-never-written.json")]
    [TestCase("results", "diff", "run-a", "run-b")]
    [TestCase("accounts", "list")]
    [TestCase("accounts", "revoke", "someone")]
    public async Task A_read_only_command_must_not_create_a_store_in_an_empty_postgres_schema(params string[] command)
    {
        await using var target = await StoreTarget.CreateAsync(DatabaseKind.Postgres);
        string schema = new NpgsqlConnectionStringBuilder(target.Options.Database).SearchPath!;

        var result = CliProcess.Run([.. command, "--postgres", target.Options.Database, "--artifacts",
            Path.Combine(target.Folder, "artifacts")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NoInput), result.ToString());
            Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.Contain($"PostgreSQL database 'oran_testbed_test' on 127.0.0.1:5432 (schema {schema}): no results store"));
            Assert.That(result.Stderr, Does.Not.Contain("Password"));
            Assert.That(await TablesIn(schema), Is.Zero, "no store created");
        }
    }

    private static async Task<long> TablesIn(string schema)
    {
        await using var connection = await PostgresPeer.ConnectAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @s", connection);
        count.Parameters.AddWithValue("s", schema);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
