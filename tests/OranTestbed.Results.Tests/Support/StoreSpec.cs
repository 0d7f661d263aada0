using OranTestbed.Results.Store;
using OranTestbed.TestSupport.Peers;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Results.Tests.Support;

/// <summary>Base of the specs that run on both databases: a fresh store per test.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public abstract class StoreSpec(DatabaseKind kind)
{
    protected DatabaseKind Kind { get; } = kind;

    protected StoreTarget Target { get; private set; } = null!;

    protected ResultsStore Store { get; private set; } = null!;

    [SetUp]
    public async Task OpenStore()
    {
        Target = await StoreTarget.CreateAsync(Kind);
        Store = await Target.OpenAsync();
    }

    [TearDown]
    public async Task DropStore()
    {
        if (Target is not null)
        {
            await Target.DisposeAsync();
        }
    }
}
