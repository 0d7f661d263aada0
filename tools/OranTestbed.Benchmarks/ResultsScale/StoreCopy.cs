using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using OranTestbed.Results.Store;

namespace OranTestbed.Benchmarks.ResultsScale;

/// <summary>
/// Copies a generated SQLite results store into a fresh PostgreSQL store table by table with COPY (binary), so the
/// same million results are measured on both databases without recording them again row by row over the network
/// (~1 ms per result there: 17 minutes). Columns are copied by name with PostgreSQL's own types; the latest-result
/// tables are copied as the SQLite store kept them.
/// </summary>
internal static class StoreCopy
{
    private static readonly string[] Tables =
    [
        "campaign", "run", "execution", "execution_product", "execution_reason", "metric", "measurement", "artifact",
        "execution_artifact", "latest_result", "latest_version_result",
    ];

    public static async Task<long> ToPostgresAsync(string sqliteFile, string postgres, string artifacts)
    {
        await ResultsStore.OpenAsync(ResultsStoreOptions.Postgres(postgres, artifacts)); // the schema, by its migrations
        await using var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
        await source.OpenAsync();
        await using var target = new NpgsqlConnection(postgres);
        await target.OpenAsync();
        long rows = 0;
        foreach (string table in Tables)
        {
            var types = await ColumnTypesAsync(target, table);
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM {table}";
            await using var reader = await read.ExecuteReaderAsync();
            string[] columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            await using var import = await target.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            while (await reader.ReadAsync())
            {
                await import.StartRowAsync();
                for (int i = 0; i < columns.Length; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        await import.WriteNullAsync();
                    }
                    else if (types[columns[i]] == NpgsqlDbType.Bigint)
                    {
                        await import.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint);
                    }
                    else
                    {
                        await import.WriteAsync(reader.GetString(i), NpgsqlDbType.Text);
                    }
                }

                rows++;
            }

            await import.CompleteAsync();
            Console.Error.WriteLine($"copied {table}");
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", target);
        await analyze.ExecuteNonQueryAsync();
        return rows;
    }

    private static async Task<Dictionary<string, NpgsqlDbType>> ColumnTypesAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @t AND table_schema = current_schema()",
            connection);
        command.Parameters.AddWithValue("t", table);
        var types = new Dictionary<string, NpgsqlDbType>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1) == "bigint" ? NpgsqlDbType.Bigint : NpgsqlDbType.Text;
        }

        return types;
    }
}
