namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The <c>SSH_ASKPASS</c> program that hands a password or key passphrase to OpenSSH without a command line or a file
/// holding it: a three-line shell script, in a private folder (0700) of its own, that prints the environment variable
/// named by <see cref="VariableOfTheSecret"/>. OpenSSH runs it because <c>SSH_ASKPASS_REQUIRE=force</c> (OpenSSH ≥ 8.4);
/// the secret itself only ever lives in the environment of our process and its ssh child. Deleted on dispose.
/// </summary>
internal sealed class OpenSshAskPass : IDisposable
{
    /// <summary>The environment variable that tells the script which variable holds the secret.</summary>
    public const string VariableOfTheSecret = "ORAN_TESTBED_ASKPASS_VARIABLE";

    private const string Script = """
        #!/bin/sh
        # SSH_ASKPASS of OranTestbed's OpenSshProcessTransport: prints the secret held by the variable named in $ORAN_TESTBED_ASKPASS_VARIABLE.
        exec printenv -- "$ORAN_TESTBED_ASKPASS_VARIABLE"

        """;

    private readonly string _folder;

    public OpenSshAskPass()
    {
        _folder = Directory.CreateTempSubdirectory("otb-askpass-").FullName; // 0700 on Unix
        Program = Path.Combine(_folder, "askpass");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        using var writer = new StreamWriter(Program, options);
        writer.Write(Script);
    }

    /// <summary>The script's path, for <c>SSH_ASKPASS</c>.</summary>
    public string Program { get; }

    /// <summary>Points the child's environment at the script and at <paramref name="variable"/>, the one holding the secret.</summary>
    public void Configure(IDictionary<string, string?> environment, string variable)
    {
        environment["SSH_ASKPASS"] = Program;
        environment["SSH_ASKPASS_REQUIRE"] = "force";
        environment[VariableOfTheSecret] = variable;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Already gone; the folder holds no secret anyway.
        }
    }
}
