using System.Collections.Immutable;

namespace OranTestbed.Results.OranJson;

/// <summary>An O-RAN results document that was refused; nothing of it was stored.</summary>
public sealed class ResultsImportException : Exception
{
    public ResultsImportException(ImmutableArray<ImportError> errors)
        : base("O-RAN results document refused:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e))) =>
        Errors = errors;

    public ResultsImportException()
        : this([])
    {
    }

    public ResultsImportException(string message)
        : this([new ImportError("", message)])
    {
    }

    public ResultsImportException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new ImportError("", message)];

    public ImmutableArray<ImportError> Errors { get; }
}
