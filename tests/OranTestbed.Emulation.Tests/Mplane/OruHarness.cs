using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Plans.Personalities;
using OranTestbed.TestSupport;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>An emulated O-RU M-plane server on fake time, over the repository's YANG modules.</summary>
internal static class OruHarness
{
    public static readonly string YangFolder = Path.Combine(TestPaths.RepositoryRoot, "testplans", "yang");

    private static readonly Lazy<YangCatalog> Catalog = new(() => YangCatalog.Load(YangFolder));

    public static YangCatalog Yang => Catalog.Value;

    public static OruMplaneServer Server(FakeTimeProvider time, MplaneDefects? defects = null, Func<RxWindowCounts>? feed = null,
        int antennaPorts = 4, ImmutableDictionary<string, string>? accounts = null) =>
        new(new MplaneServerOptions
        {
            Personality = new Personality("emulated/o-ru", NodeRole.Ru, ImmutableArray<Defect>.Empty)
            {
                Settings = new ProductSettings(antennaPorts: antennaPorts),
                MplaneDefects = defects ?? MplaneDefects.None,
            },
            Yang = Yang,
            Time = time,
            User = "oru-spec",
            ReceptionFeed = feed,
            Accounts = accounts ?? ImmutableDictionary<string, string>.Empty,
        });
}
