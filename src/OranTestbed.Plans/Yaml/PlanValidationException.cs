using System.Collections.Immutable;

namespace OranTestbed.Plans.Yaml;

/// <summary>A test-plan file is unreadable or invalid; <see cref="Errors"/> lists every problem found, in file order.</summary>
public sealed class PlanValidationException : Exception
{
    public PlanValidationException()
        : this([])
    {
    }

    public PlanValidationException(string message)
        : base(message)
    {
    }

    public PlanValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanValidationException(ImmutableArray<PlanError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public ImmutableArray<PlanError> Errors { get; } = [];

    /// <summary>Every error on its own line, <c>file:line:column: key.path: message</c>.</summary>
    public override string ToString() => Describe(Errors);

    private static string Describe(ImmutableArray<PlanError> errors) =>
        errors.IsDefaultOrEmpty ? "invalid test plan" : string.Join(Environment.NewLine, errors);
}
