namespace OranTestbed.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was read and every frame is sound (later: every test passed).</summary>
    public const int Success = 0;

    /// <summary>At least one frame is malformed (later: a test failed).</summary>
    public const int Defects = 1;

    /// <summary>The input could not be read completely (missing, not a capture, truncated): evidence is incomplete.</summary>
    public const int InputError = 2;

    /// <summary>The command line is wrong (sysexits EX_USAGE).</summary>
    public const int Usage = 64;
}
