using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary><c>m-plane</c> steps: the CONF.0 §3.1 check and only the parameters that check takes; what a check measures
/// is an o-ru-counters source.</summary>
public class MplaneStepSpecs
{
    private const string C = Root + "/" + Cases + ":";

    /// <summary>A fourth case (lines 42..) whose procedure is <paramref name="steps"/> and whose metric reads the O-RU.</summary>
    private static PlanText WithCase(params string[] steps) => Mini().Plus(Cases,
    [
        "  - id: mp",                                                                      // 42
        "    name: M-plane",                                                               // 43
        "    status: mandatory",                                                           // 44
        "    reference: test",                                                             // 45
        "    procedure:",                                                                  // 46
        .. steps.Select(s => "      - " + s),                                              // 47..
        "    metrics:",
        "      - {id: edit-rejected, description: refused, unit: boolean, source: o-ru-counters, threshold: \"== true\"}",
        "    expected-duration: 60s",
    ]);

    [Test]
    public void An_m_plane_step_must_load_its_check_and_parameters()
    {
        var plan = WithCase("configure", "m-plane: {check: supervision, rounds: 5, interval: 2s}",
            "m-plane: {check: retrieval, filter: user-plane-configuration/low-level-rx-endpoints}",
            "m-plane: {check: configurability, eaxc: duplicate}", "m-plane: {check: access-control, account: fm-pm}",
            "m-plane: {check: handshake, credentials: wrong}", "m-plane: {check: supervision}").Load();
        var steps = plan.Cases.Single(c => c.Id == "mp").Procedure.Skip(1).Cast<MplaneStep>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps[0], Is.EqualTo(new MplaneStep(MplaneCheck.Supervision) { Rounds = 5, Interval = TimeSpan.FromSeconds(2) }));
            Assert.That(steps[1], Is.EqualTo(new MplaneStep(MplaneCheck.Retrieval) { Filter = "user-plane-configuration/low-level-rx-endpoints" }));
            Assert.That(steps[2], Is.EqualTo(new MplaneStep(MplaneCheck.Configurability) { DuplicateEaxc = true }));
            Assert.That(steps[3], Is.EqualTo(new MplaneStep(MplaneCheck.AccessControl) { Account = "fm-pm" }));
            Assert.That(steps[4], Is.EqualTo(new MplaneStep(MplaneCheck.Handshake) { WrongCredentials = true }));
            Assert.That(steps[5].Rounds, Is.EqualTo(30), "CONF.0 §3.1.3.1 runs 30 rounds unless told otherwise");
        }
    }

    [Test]
    public void An_m_plane_step_must_refuse_parameters_its_check_does_not_take_and_bad_values()
    {
        var errors = WithCase("configure",
            "m-plane: {check: retrieval, rounds: 3}",                       // 48
            "m-plane: {check: supervision, interval: 1500ms}",              // 49
            "m-plane: {check: configurability}",                            // 50
            "m-plane: {check: access-control}",                             // 51
            "m-plane: {check: handshake, credentials: stolen}",             // 52
            "m-plane: {check: retrieval, filter: \"a//b\"}",                 // 53
            "m-plane: {check: telepathy}").Errors();                        // 54

        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "48:45: cases[3].procedure[1].m-plane.rounds: the retrieval check takes no rounds (it takes filter)",
            C + "49:49: cases[3].procedure[2].m-plane.interval: the supervision watchdog counts whole seconds: 1s or more",
            C + "50:18: cases[3].procedure[3].m-plane.eaxc: configurability needs eaxc: unique (accepted and notified) or duplicate (rejected)",
            C + "51:18: cases[3].procedure[4].m-plane.account: required key is missing: the name of an account of the O-RU's netconf driver (accounts:), e.g. fm-pm",
            C + "52:50: cases[3].procedure[5].m-plane.credentials: the only credentials a handshake takes besides the driver's own are: wrong",
            C + "53:45: cases[3].procedure[6].m-plane.filter: 'a//b' is not a subtree path of node names (e.g. user-plane-configuration/low-level-rx-endpoints)",
            C + "54:26: cases[3].procedure[7].m-plane.check: expected one of handshake, subscription, supervision, supervision-failure, retrieval, "
                + "configurability, access-control, got 'telepathy'",
        }));
    }

    [Test]
    public void An_m_plane_step_must_count_as_the_source_of_o_ru_counter_metrics()
    {
        Assert.That(WithCase("m-plane: {check: configurability, eaxc: duplicate}").Load().Cases.Select(c => c.Id), Does.Contain("mp"));
        Assert.That(WithCase("configure").Errors(), Is.EqualTo(new[]
        {
            C + "49:7: cases[3].metrics: metric 'edit-rejected' comes from o-ru-counters, but the procedure has no query-counters step of the o-ru",
        }));
    }
}
