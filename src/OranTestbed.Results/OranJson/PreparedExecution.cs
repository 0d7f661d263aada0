using OranTestbed.Results.Model;

namespace OranTestbed.Results.OranJson;

/// <summary>One execution of a prepared document and the JSON pointer (Location) of the test case it comes from.</summary>
public sealed record PreparedExecution(ExecutionResult Result, string Location);
