using OranTestbed.Results.Store;

namespace OranTestbed.Server.Tests.Support;

/// <summary>Base of the specs that want a fresh server (and a document maker) per test, on <paramref name="kind"/>,
/// with options changed by <see cref="Configure"/>. After each test no token may appear in the server's log.</summary>
public abstract class ServerSpec(DatabaseKind kind)
{
    protected ServerHarness Server { get; private set; } = null!;

    protected ResultDocuments Documents { get; private set; } = null!;

    protected virtual ServerOptions Configure(ServerOptions options) => options;

    [SetUp]
    public async Task StartServer()
    {
        Server = await ServerHarness.StartAsync(kind, Configure);
        Documents = await ResultDocuments.CreateAsync();
    }

    [TearDown]
    public async Task StopServer()
    {
        if (Server is null)
        {
            return; // the set-up skipped (a peer missing locally) or failed: that is the test's outcome, not this
        }

        foreach (string line in Server.Logs.Lines)
        {
            foreach (string token in Server.Tokens.Values)
            {
                Assert.That(line, Does.Not.Contain(token), "a token reached the log");
            }
        }

        await Server.DisposeAsync();
        if (Documents is not null)
        {
            await Documents.DisposeAsync();
        }
    }
}
