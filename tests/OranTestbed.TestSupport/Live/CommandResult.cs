namespace OranTestbed.TestSupport.Live;

/// <summary>Exit code and output of a finished command.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error);
