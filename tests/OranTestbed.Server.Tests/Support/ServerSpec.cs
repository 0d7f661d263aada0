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
        foreach (string line in Server.Logs.Lines)
        {
            foreach (string token in Server.Tokens.Values)
            {
                Assert.That(line, Does.Not.Contain(token), "a token reached the log");
            }
        }

        await Server.DisposeAsync();
        await Documents.DisposeAsync();
    }
}
