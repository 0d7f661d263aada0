namespace OranTestbed.Cli;

/// <summary>
/// Process exit codes, the same for every command: 0, 1 and 2 are results (the verdict), 64 and up are sysexits-style
/// errors where no verdict could be given.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything was read and every frame is sound; <c>analyze</c>: verdict PASS.</summary>
    public const int Success = 0;

    /// <summary>At least one frame is malformed; <c>analyze</c>: verdict FAIL.</summary>
    public const int Defects = 1;

    /// <summary>
    /// <c>decode</c>: the input could not be read completely (missing, not a capture, truncated): evidence is incomplete.
    /// <c>analyze</c>: verdict INCONCLUSIVE (no fronthaul traffic, a truncated capture, live capture drops).
    /// </summary>
    public const int InputError = 2;

    /// <summary><c>analyze</c>: verdict PASS.</summary>
    public const int Pass = Success;

    /// <summary><c>analyze</c>: verdict FAIL.</summary>
    public const int Fail = Defects;

    /// <summary><c>analyze</c>: verdict INCONCLUSIVE.</summary>
    public const int Inconclusive = InputError;

    /// <summary>The command line is wrong, or the profile is invalid (sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>
    /// The peer's data cannot be used (sysexits EX_DATAERR): <c>mplane profile</c>: the O-RU's configuration does not
    /// describe a complete fronthaul (the message lists what is missing); <c>mplane serve</c>: the NETCONF client broke
    /// the protocol (bytes that are not RFC 6242 framing, a first message that is not a usable hello), so the session
    /// was closed.
    /// </summary>
    public const int DataError = 65;

    /// <summary><c>analyze</c>: the capture file is missing, unreadable or not an Ethernet capture (sysexits EX_NOINPUT).</summary>
    public const int NoInput = 66;

    /// <summary>
    /// <c>analyze --interface</c>: the interface or network namespace does not exist, is down, or cannot be captured
    /// (permission) (sysexits EX_UNAVAILABLE).
    /// </summary>
    public const int Unavailable = 69;

    /// <summary>
    /// An unexpected internal error: a bug, reported as one line (the exception at <c>--log-level Debug</c>) (sysexits
    /// EX_SOFTWARE).
    /// </summary>
    public const int Software = 70;

    /// <summary>
    /// A system library the command needs is not installed (libpcap: Debian's <c>libpcap0.8</c>); the message names
    /// the package and how to install it (sysexits EX_OSFILE).
    /// </summary>
    public const int MissingSystemLibrary = 72;

    /// <summary>
    /// An output could not be created or written completely (a full disk, a directory where a file was asked for, no
    /// permission): a report (<c>analyze --json/--html</c>), a capture (<c>emulate --out</c>), an export, decoded frames
    /// on standard output. Nothing is claimed as written that was not (sysexits EX_CANTCREAT).
    /// </summary>
    public const int CannotCreate = 73;

    /// <summary><c>run</c>: the run is owned by another process (running, or being resumed); try again when it has ended
    /// (sysexits EX_TEMPFAIL).</summary>
    public const int TemporaryFailure = 75;
}
