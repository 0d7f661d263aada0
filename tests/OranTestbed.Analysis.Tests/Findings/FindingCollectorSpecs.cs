using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using static OranTestbed.Analysis.Tests.Correlation.CorrelationFrames;

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
    public void FindingCollector_must_keep_the_lowest_frames_ascending_and_each_once()
    {
        var collector = new FindingCollector(examplesPerRule: 3);
        foreach (long frame in new long[] { 7, 3, 7, 5, 3, 9, 4, 4 })
        {
            collector.Record(RuleCatalogue.SeqLost, frame);
        }

        var finding = collector.Build().Single();
        Assert.That(finding.Count, Is.EqualTo(8), "every hit counts");
        Assert.That(finding.Examples, Is.EqualTo(new long[] { 3, 4, 5 }));
    }

    [Test]
    public void Findings_must_list_a_frame_hit_twice_once_and_frames_judged_out_of_order_ascending()
    {
        // UL C-plane never answered: eAxC 1 slot 0 (frame 1), eAxC 2 slot 0 (frame 2), eAxC 1 slot 1 with two sections
        // (frame 3). The slots are judged when their horizon passes (frame 4, 20 ms later), flow by flow: eAxC 1's
        // frames 1, 3, 3 before eAxC 2's frame 2.
        var frames = new (byte[] Frame, long Ns)[]
        {
            (CPlane(1, 0, false, 0, 0, Section(1, 0, 10, 1)), 0),
            (CPlane(2, 0, false, 0, 0, Section(1, 0, 10, 1)), 1_000),
            (CPlane(1, 1, false, 1, 0, Section(1, 0, 10, 1), Section(2, 20, 10, 1)), 2_000),
            (UPlane(9, 0, false, 1, 0, 1, 0, 2), 20_000_000),
        };
        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1);
        for (int i = 0; i < frames.Length; i++)
        {
            analyzer.Process(frames[i].Frame, frames[i].Ns, i + 1);
        }

        var unanswered = analyzer.BuildReport().Findings.Single(f => f.Rule == RuleCatalogue.CPlaneUnanswered);
        Assert.That(unanswered.Count, Is.EqualTo(4));
        Assert.That(unanswered.Examples, Is.EqualTo(new long[] { 1, 2, 3 }));
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
