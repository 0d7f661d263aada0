namespace OranTestbed.Server.Api.Contracts;

/// <summary>A run with the executions the caller may see, summarised, and the O-RAN export link.</summary>
public sealed record RunDetailDto(RunDto Run, IReadOnlyList<ExecutionSummaryDto> Executions, string OranResults);
