using System.Globalization;
using System.Text;
using Dapper;

namespace OranTestbed.Results.Store;

/// <summary>
/// Statements sent as few commands as the databases' parameter limits allow (SQLite 32,766, PostgreSQL 65,535 per
/// command): each multi-row INSERT names its parameters by statement, row and column, so they never collide.
/// </summary>
internal sealed class StatementBatch
{
    private const int MaxParameters = 30_000;

    private readonly List<(string Sql, DynamicParameters Parameters, int Count)> _statements = [];

    /// <summary>One INSERT of <paramref name="rows"/> into <paramref name="table"/> (no rows: no statement).</summary>
    public void Insert(string table, string[] columns, IReadOnlyList<object?[]> rows, string suffix = "")
    {
        int chunk = Math.Max(1, MaxParameters / columns.Length);
        for (int start = 0; start < rows.Count; start += chunk)
        {
            var parameters = new DynamicParameters();
            var values = new StringBuilder();
            int end = Math.Min(rows.Count, start + chunk);
            for (int r = start; r < end; r++)
            {
                values.Append(r == start ? "(" : ", (");
                for (int c = 0; c < columns.Length; c++)
                {
                    string name = string.Create(CultureInfo.InvariantCulture, $"s{_statements.Count}r{r}c{c}");
                    values.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, rows[r][c]);
                }

                values.Append(')');
            }

            _statements.Add(($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {values} {suffix}", parameters,
                (end - start) * columns.Length));
        }
    }

    /// <summary>A statement with its own (uniquely named) parameters; empty SQL adds nothing.</summary>
    public void Add(string sql, object? parameters)
    {
        if (sql.Length > 0)
        {
            var bag = new DynamicParameters(parameters);
            _statements.Add((sql, bag, bag.ParameterNames.Count()));
        }
    }

    /// <summary>The statements joined into commands of at most <see cref="MaxParameters"/> parameters.</summary>
    public IEnumerable<(string Sql, DynamicParameters Parameters)> Commands()
    {
        var sql = new StringBuilder();
        var parameters = new DynamicParameters();
        int count = 0;
        foreach (var statement in _statements)
        {
            if (count > 0 && count + statement.Count > MaxParameters)
            {
                yield return (sql.ToString(), parameters);
                (sql, parameters, count) = (new StringBuilder(), new DynamicParameters(), 0);
            }

            sql.Append(statement.Sql).Append(";\n");
            parameters.AddDynamicParams(statement.Parameters);
            count += statement.Count;
        }

        if (sql.Length > 0)
        {
            yield return (sql.ToString(), parameters);
        }
    }
}
