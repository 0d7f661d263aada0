using System.Text.Json;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Server.Dashboard;
using OranTestbed.Server.Tests.Dashboard.Support;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>
/// The execution page's S-plane section reads a stored analyzer report's time error back: the master clock with its
/// figures and checks, TE over time and dTE_L MTIE/TDEV against the mask drawn by the analyzer's SVG writer; a slave
/// port is left out and a master that could not be evaluated says why.
/// </summary>
public sealed class AnalysisTimeErrorsSpecs
{
    [Test]
    public void A_stored_report_must_give_the_masters_time_error_with_its_plots_and_checks()
    {
        using var json = JsonDocument.Parse(DashboardSamples.TimeErrorReport(new TimeErrorTraffic { TapOffsetNs = _ => 80 }.Run(3)));

        var clocks = AnalysisTimeErrors.Read(json.RootElement);

        var master = clocks.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(master.Name, Does.Contain("domain 24"));
            Assert.That(master.Evaluated, Is.True, master.Reason);
            Assert.That(master.Pairs, Is.GreaterThan(40));
            Assert.That(master.TwoWayMeanNs, Is.EqualTo(80).Within(0.01), "the tap 80 ns ahead of the master");
            Assert.That(master.Series, Is.Not.Empty);
            Assert.That(master.Checks, Has.Some.StartsWith("PTP-TE-MAX-ABS: ").And.Some.EndsWith(", FAIL"), "80 ns > class C's 30 ns");
            Assert.That(master.OverTimeSvg(), Does.Contain("<polyline"));
            Assert.That(master.MtieSvg(), Does.Contain("<svg").And.Contain("g8273.2-class-c"));
            Assert.That(master.TdevSvg(), Does.Contain("<svg"));
        }
    }

    [Test]
    public void A_master_that_cannot_be_placed_must_say_why()
    {
        using var json = JsonDocument.Parse(DashboardSamples.TimeErrorReport(new TimeErrorTraffic { Announces = false }.Run(1)));

        var master = AnalysisTimeErrors.Read(json.RootElement).Single();

        Assert.That(master.Evaluated, Is.False);
        Assert.That(master.Reason, Is.Not.Empty);
    }
}
