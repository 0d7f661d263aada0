using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;

namespace OranTestbed.Analysis.Tests.Findings;

public class FindingCollectorSpecs
{
    [Test]
    public void FindingCollector_must_count_hits_and_keep_the_first_examples()
    {
        var collector = new FindingCollector(examplesPerRule: 3);
        for (long frame = 1; frame <= 5; frame++)
        {
            collector.Record(RuleCatalogue.SeqLost, frame, occurrences: 2);
        }

        collector.Record(RuleCatalogue.EcpriRevision, 9);
        var findings = collector.Build();
        Assert.That(findings, Has.Length.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Rule, Is.SameAs(RuleCatalogue.EcpriRevision), "catalogue order");
            Assert.That(findings[0].Examples, Is.EqualTo(new long[] { 9 }));
            Assert.That(findings[1].Count, Is.EqualTo(10));
            Assert.That(findings[1].Examples, Is.EqualTo(new long[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void FindingCollector_must_drop_a_finding_whose_hits_were_all_retracted()
    {
        var collector = new FindingCollector();
        collector.Record(RuleCatalogue.SeqLost, 4);
        collector.Retract(RuleCatalogue.SeqLost);
        collector.Retract(RuleCatalogue.SeqLost);
        Assert.That(collector.Build(), Is.Empty);
        Assert.That(collector.CountOf(RuleCatalogue.SeqLost), Is.Zero);
    }

    [Test]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void FindingCollector_must_not_allocate_while_recording() // fully optimised: no tiering/OSR allocation in the loop
    {
        var collector = new FindingCollector();
        for (int i = 0; i < 2 * RuleCatalogue.Count; i++)
        {
            collector.Record(RuleCatalogue.All[i % RuleCatalogue.Count], i); // warm-up: JIT and first use of every rule
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            collector.Record(RuleCatalogue.All[i % RuleCatalogue.Count], i);
        }

        collector.Retract(RuleCatalogue.SeqLost);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
