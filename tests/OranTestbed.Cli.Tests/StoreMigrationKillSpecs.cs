using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// A store made before the latest-result table (schema version 3, 200,000 results) migrated by <c>matrix</c>, killed
/// with SIGKILL in the middle of the migration: the store is left at version 3 or whole at the new version, never half
/// built, and the next <c>matrix</c> finishes the migration and prints the same matrices as a migration never
/// interrupted (whose latest results are known by construction: the newest run's, or the run before where the newest
/// aborted).
/// </summary>
[NonParallelizable]
public sealed class StoreMigrationKillSpecs
{
    private const int Runs = 200;
    private const int Executions = 1000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "migration-kill", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void Delete() => TempFolders.Delete(_folder);

    [Test]
    public void A_migration_killed_midway_must_leave_the_old_schema_or_the_new_and_finish_on_the_next_open()
    {
        string uninterrupted = Version3Store("uninterrupted");
        string killed = Version3Store("killed");
        var clock = Stopwatch.StartNew();
        var reference = CliProcess.Run(TimeSpan.FromMinutes(3), "matrix", "--results", uninterrupted, "--format", "json");
        var migration = clock.Elapsed;

        // Killed while the migration writes: its transaction has put more than a megabyte into the write-ahead log.
        long walAtKill;
        string wal = Path.Combine(killed, "results.db-wal");
        using (var process = CliProcess.Start(drainStderr: true, "matrix", "--results", killed, "--format", "json"))
        {
            var waited = Stopwatch.StartNew();
            while ((walAtKill = File.Exists(wal) ? new FileInfo(wal).Length : 0) < (1 << 20) && !process.HasExited
                   && waited.Elapsed < migration * 2)
            {
                Thread.Sleep(5);
            }

            process.Kill(); // SIGKILL: no clean-up
            process.WaitForExit();
        }

        var (journaled, hasTable) = State(killed);
        var resumed = CliProcess.Run(TimeSpan.FromMinutes(3), "matrix", "--results", killed, "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Stderr);
            Assert.That(walAtKill, Is.GreaterThanOrEqualTo(1 << 20), "the kill came while the migration was writing");
            Assert.That(reference.Stdout, Does.Contain("\"latest\"").And.Contain($"run-{Runs - 2:000}"),
                "the executions aborted in the newest run are judged by the run before");
            Assert.That(hasTable, Is.EqualTo(journaled.Contains("V004__latest_result")),
                $"half built: journal {string.Join(", ", journaled)}, latest_result {(hasTable ? "present" : "absent")}");
            Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
            Assert.That(resumed.Stdout, Is.EqualTo(reference.Stdout), "the same matrices as an uninterrupted migration");
        });
    }

    /// <summary>A results folder whose store is at schema version 3 (the embedded scripts V001–V003, journaled as DbUp
    /// journals them) holding <see cref="Runs"/> × <see cref="Executions"/> results, written by SQL in a second.</summary>
    private string Version3Store(string name)
    {
        string folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "results.db")};Pooling=False");
        connection.Open();
        var assembly = typeof(ResultsStore).Assembly;
        var scripts = assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.V00", StringComparison.Ordinal)).Order()
            .Take(3).ToList();
        Execute(connection, """
            CREATE TABLE schema_versions (SchemaVersionID INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ScriptName TEXT NOT NULL,
                Applied DATETIME NOT NULL);
            """);
        foreach (string script in scripts)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(script)!);
            Execute(connection, reader.ReadToEnd());
            Execute(connection, $"INSERT INTO schema_versions (ScriptName, Applied) VALUES ('{script}', '2026-01-01 00:00:00')");
        }

        Execute(connection, $"""
            BEGIN;
            INSERT INTO campaign (campaign_id, description) VALUES ('lab', 'a lab');
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {Runs - 1})
            INSERT INTO run (run_id, campaign_id, plan_hash, origin, started_at, aborted)
            SELECT printf('run-%03d', i), 'lab', 'sha256:x', 'local', printf('2025-01-%02dT%02d:00:00.0000000Z', 1 + i / 24, i % 24), 0 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {(Runs * Executions) - 1})
            INSERT INTO execution (run_id, execution_id, band, operator_profile, iot_profile, iot_specification, iot_spec_version,
                fronthaul_profile, case_id, case_name, case_status, case_reference, repetition, verdict, attempts, flaky, bench,
                duration_ticks, started_at, recorded_at, content_hash)
            SELECT printf('run-%03d', i / {Executions}), printf('exec-%04d', i % {Executions}),
                   CASE WHEN i % 2 = 0 THEN 'n78-urban' ELSE 'n28-rural' END, 'operator-a', 'NR-TDD-FR1-CAT-A-NoBF',
                   'O-RAN.WG4.IOT.0', '10.00', 'p', printf('case-%02d', i % 20), 'a case', 'mandatory', 'ref', 1,
                   CASE WHEN i / {Executions} = {Runs - 1} AND i % 50 = 0 THEN 'ABORTED'
                        WHEN (i * 7) % 13 = 0 THEN 'FAIL' ELSE 'PASS' END,
                   1, 0, 'bench-1', 10000000, NULL, '2025-02-01T00:00:00.0000000Z', printf('%064d', i)
            FROM n;
            INSERT INTO execution_product (run_id, execution_id, role, product_id, vendor, model, hardware, software, firmware)
            SELECT run_id, execution_id, 'o-du', printf('xylem/du-%d', CAST(substr(execution_id, 6) AS INTEGER) % 4), 'xylem', 'DU', 'A',
                   substr(run_id, 5), 'f' FROM execution;
            INSERT INTO execution_product (run_id, execution_id, role, product_id, vendor, model, hardware, software, firmware)
            SELECT run_id, execution_id, 'o-ru', printf('quasar/ru-%d', CAST(substr(execution_id, 6) AS INTEGER) % 5), 'quasar', 'RU', 'A',
                   '4.0', 'f' FROM execution;
            COMMIT;
            """);
        return folder;
    }

    private static (List<string> Journaled, bool HasLatestTable) State(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "results.db")};Pooling=False");
        connection.Open();
        using var journal = connection.CreateCommand();
        journal.CommandText = "SELECT ScriptName FROM schema_versions";
        var names = new List<string>();
        using (var reader = journal.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        using var table = connection.CreateCommand();
        table.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'latest_result'";
        return (names, (long)table.ExecuteScalar()! == 1);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
