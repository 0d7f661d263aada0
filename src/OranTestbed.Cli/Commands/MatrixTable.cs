using OranTestbed.Results.Matrices;
using System.Collections.Immutable;

namespace OranTestbed.Cli.Commands;

/// <summary>Interoperability matrices as text tables: one per band × operator profile, O-DU rows × O-RU columns
/// (<c>*</c> marks a cell with flaky passes).</summary>
internal static class MatrixTable
{
    public static void Write(TextWriter output, ImmutableArray<InteropMatrix> matrices)
    {
        foreach (var matrix in matrices)
        {
            output.WriteLine();
            output.WriteLine($"{matrix.Band} × {matrix.OperatorProfile} (O-DU rows × O-RU columns)");
            int first = Math.Max(6, matrix.ODus.Max(d => d.Length));
            var widths = matrix.ORus.Select(ru => Math.Max(ru.Length,
                matrix.ODus.Max(du => Cell(matrix, du, ru).Length))).ToList();
            output.WriteLine("  " + "O-DU".PadRight(first) + string.Concat(matrix.ORus.Select((ru, i) => "  " + ru.PadRight(widths[i]))));
            foreach (var du in matrix.ODus)
            {
                output.WriteLine("  " + du.PadRight(first)
                                 + string.Concat(matrix.ORus.Select((ru, i) => "  " + Cell(matrix, du, ru).PadRight(widths[i]))));
            }

            foreach (var (pair, cell) in matrix.Cells.Where(c => c.Value.Incompatible is not null).OrderBy(c => c.Key.ODu, StringComparer.Ordinal)
                         .ThenBy(c => c.Key.ORu, StringComparer.Ordinal))
            {
                output.WriteLine($"  INCOMPATIBLE {pair.ODu} × {pair.ORu}: {cell.Incompatible}");
            }
        }
    }

    private static string Cell(InteropMatrix matrix, string du, string ru) =>
        matrix.Cells.TryGetValue((du, ru), out var cell) ? cell.Label + (cell.Flaky > 0 ? "*" : string.Empty) : "-";
}
