using static OranTestbed.Plans.Tests.Profiles.ProfileText;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Plans.Tests.Profiles;

/// <summary>
/// Every kind of profile error names the file as given, the line and column of the offending value (or key), the key
/// path and why. Lines are those of <see cref="ProfileText.Lines"/>.
/// </summary>
public class FronthaulProfileLoaderErrorSpecs
{
    private const string F = Source + ":";

    [Test]
    public void The_base_profile_must_load()
    {
        var profile = Parse(Valid);
        Assert.That(profile.Name, Is.EqualTo("x"));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_line_and_column_of_an_unknown_key()
    {
        Assert.That(Errors(With(3, "numerologyy: 1")), Is.EqualTo(new[]
        {
            F + "1:1: numerology: required key is missing: numerology (µ: SCS = 15·2^µ kHz) or subcarrier-spacing",
            F + "3:1: numerologyy: unknown key; did you mean 'numerology'?",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_suggest_the_YANG_name_for_an_xRAN_style_key()
    {
        Assert.That(Errors(With(12, "  T2a_max_up: 428us")), Is.EqualTo(new[]
        {
            F + "12:3: delay-management.T2a_max_up: unknown key; did you mean 't2a-max-up'?",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_list_the_keys_of_a_mapping_when_nothing_is_close()
    {
        Assert.That(Errors(With(7, "  dl: {method: bfp, iq-width: 9, exponent: 4}")), Is.EqualTo(new[]
        {
            F + "7:34: compression.dl.exponent: unknown key; compression.dl takes method, iq-width, comp-hdr",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_a_value_of_the_wrong_type()
    {
        Assert.That(Errors(With(3, "numerology: one")), Is.EqualTo(new[]
        {
            F + "3:13: numerology: expected an integer 0..3, got 'one'",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_not_take_a_quoted_number_for_an_integer()
    {
        Assert.That(Errors(With(4, "prbs: \"273\"")), Is.EqualTo(new[]
        {
            F + "4:7: prbs: expected an integer 1..275, got the string '273'",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_a_scalar_where_a_mapping_belongs()
    {
        Assert.That(Errors(With(5, "eaxc-id-bits: 4,4,4,4")), Is.EqualTo(new[]
        {
            F + "5:15: eaxc-id-bits: expected the eAxC id split {du-port, band-sector, cc, ru-port} "
                + "(indented key: value lines or {key: value}), got '4,4,4,4'",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_a_missing_required_key_at_its_parent_mapping()
    {
        Assert.That(Errors(With(8, null)), Is.EqualTo(new[]
        {
            F + "7:3: compression.ul: required key is missing: {method, iq-width, comp-hdr}",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_require_the_iq_width_except_for_no_compression()
    {
        Assert.That(Errors(With(8, "  ul: {method: bfp}")), Is.EqualTo(new[]
        {
            F + "8:7: compression.ul.iq-width: required key is missing: the IQ sample width in bits (1..16)",
        }));
        Assert.That(Parse(With(8, "  ul: {method: none}")).UplinkCompression.Static.IqWidth, Is.EqualTo(16));
    }

    [TestCase("60 uss", "'60 uss' has an unknown unit 'uss': use ns, us (or µs), ms or s")]
    [TestCase("60", "'60' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): "
        + "write 60us or 60ns (units ns, us, ms, s)")]
    [TestCase("sixty us", "'sixty us' is not a duration: write a number and a unit, e.g. 60us or 60000ns")]
    [TestCase("0.5ns", "'0.5ns' is not a whole number of nanoseconds")]
    [TestCase("-5us", "'-5us' must not be negative")]
    public void FronthaulProfileLoader_must_report_a_bad_duration(string value, string message)
    {
        Assert.That(Errors(With(12, "  t2a-max-up: " + value)), Is.EqualTo(new[]
        {
            F + "12:15: delay-management.t2a-max-up: " + message,
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_a_min_above_its_max_at_the_min()
    {
        Assert.That(Errors(With(12, "  t2a-max-up: 100us")), Is.EqualTo(new[]
        {
            F + "11:15: delay-management.t2a-min-up: t2a-min-up (125us) exceeds t2a-max-up (100us)",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_accept_a_min_equal_to_its_max_and_any_unit()
    {
        var profile = Parse(With(12, "  t2a-max-up: 0.125ms"));
        Assert.That(profile.DelayManagement.Get(DelayParameter.T2aMaxUp), Is.EqualTo(125_000));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_a_bandwidth_the_3GPP_table_does_not_have_for_the_SCS()
    {
        Assert.That(Errors(With(4, "bandwidth: 400MHz")), Is.EqualTo(new[]
        {
            F + "4:12: bandwidth: 400 MHz at 30 kHz is not in 3GPP TS 38.101-1 Table 5.3.2-1 (FR1); it allows "
                + "5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100 MHz at 30 kHz",
        }));
        Assert.That(Errors(With(3, "numerology: 0").Replace("prbs: 273", "bandwidth: 60MHz")), Is.EqualTo(new[]
        {
            F + "4:12: bandwidth: 60 MHz at 15 kHz is not in 3GPP TS 38.101-1 Table 5.3.2-1 (FR1); it allows "
                + "5, 10, 15, 20, 25, 30, 35, 40, 45, 50 MHz at 15 kHz",
        }));
        Assert.That(Errors(With(3, "numerology: 2").Replace("prbs: 273", "bandwidth: 400MHz") + "frequency-range: fr2\n"),
            Is.EqualTo(new[]
            {
                F + "4:12: bandwidth: 400 MHz at 60 kHz is not in 3GPP TS 38.101-2 Table 5.3.2-1 (FR2); it allows "
                    + "50, 100, 200 MHz at 60 kHz",
            }));
    }

    [Test]
    public void FronthaulProfileLoader_must_ask_for_the_frequency_range_when_60_kHz_is_ambiguous()
    {
        string yaml = With(3, "numerology: 2").Replace("prbs: 273", "bandwidth: 100MHz");
        Assert.That(Errors(yaml), Is.EqualTo(new[]
        {
            F + "4:12: bandwidth: 100 MHz at 60 kHz exists in FR1 and FR2 with different PRB counts: "
                + "give frequency-range: fr1 or fr2",
        }));
        Assert.That(Parse(yaml + "frequency-range: fr1\n").Carrier.Prbs, Is.EqualTo(135));
        Assert.That(Parse(yaml + "frequency-range: fr2\n").Carrier.Prbs, Is.EqualTo(132));
        Assert.That(Parse(yaml.Replace("100MHz", "200MHz")).Carrier.Prbs, Is.EqualTo(264), "200 MHz is FR2 only");
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_prbs_that_disagree_with_the_bandwidth()
    {
        Assert.That(Errors(Plus("bandwidth: 90MHz")), Is.EqualTo(new[]
        {
            F + "4:7: prbs: 273 PRBs disagrees with bandwidth 90 MHz at 30 kHz, which is 245 PRBs "
                + "(3GPP TS 38.101-1 Table 5.3.2-1 (FR1))",
        }));
        Assert.That(Parse(Plus("bandwidth: 100 MHz")).Carrier.BandwidthMHz, Is.EqualTo(100));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_a_bandwidth_without_its_unit()
    {
        Assert.That(Errors(With(4, "bandwidth: 100")), Is.EqualTo(new[]
        {
            F + "4:12: bandwidth: '100' is not a whole number of MHz: write it with its unit, e.g. 100MHz",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_eAxC_widths_that_do_not_sum_to_16()
    {
        Assert.That(Errors(With(5, "eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 5}")), Is.EqualTo(new[]
        {
            F + "5:15: eaxc-id-bits: the widths 4+4+4+5 = 17; they must sum to 16 (the eAxC id is 16 bits, "
                + "O-RAN.WG4.CUS §5.1.3.1.6)",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_a_bad_compression_method_and_width()
    {
        Assert.That(Errors(With(7, "  dl: {method: bfq, iq-width: 17, comp-hdr: yes}")), Is.EqualTo(new[]
        {
            F + "7:16: compression.dl.method: 'bfq' is not a compression method this tool decodes: "
                + "use none, bfp, block-scaling, mu-law or modulation",
            F + "7:31: compression.dl.iq-width: 17 is outside 1..16",
            F + "7:45: compression.dl.comp-hdr: expected true or false, got 'yes'",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_accept_the_YANG_compression_method_names()
    {
        var profile = Parse(With(8, "  ul: {method: BLOCK_FLOATING_POINT, iq-width: 12}"));
        Assert.That(profile.UplinkCompression.Static.ToString(), Is.EqualTo("bfp:12"));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_a_TDD_special_slot_that_does_not_sum_to_14()
    {
        Assert.That(Errors(With(9, "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 3}}")),
            Is.EqualTo(new[]
            {
                F + "9:43: tdd-pattern.special-slot: the special-slot split 10:2:3 (DL:guard:UL) sums to 15; "
                    + "it must sum to 14 symbols (normal cyclic prefix)",
            }));
    }

    [Test]
    public void FronthaulProfileLoader_must_reject_bad_TDD_slot_letters_and_periods()
    {
        Assert.That(Errors(With(9, "tdd-pattern: {slots: DDXU}")), Is.EqualTo(new[]
        {
            F + "9:22: tdd-pattern.slots: slot letter 'X' in 'DDXU' is not one of D (downlink), S (special), U (uplink), F (flexible)",
        }));
        Assert.That(Errors(With(9, "tdd-pattern: {slots: DDDDDDU}")), Is.EqualTo(new[]
        {
            F + "9:22: tdd-pattern.slots: 7 slots of 500 us make a 3500 us period, which does not divide 20 ms "
                + "(3GPP TS 38.213 §11.1)",
        }));
        Assert.That(Errors(With(9, "tdd-pattern: {slots: DDDSU}")), Is.EqualTo(new[]
        {
            F + "9:22: tdd-pattern.slots: the pattern 'DDDSU' has S slots but no special-slot symbol split",
        }));
        Assert.That(Errors(With(9, "duplex: fdd\ntdd-pattern: {slots: DDDU}")), Is.EqualTo(new[]
        {
            F + "10:14: tdd-pattern: an FDD profile has no TDD pattern: remove tdd-pattern or write duplex: tdd",
        }));
        Assert.That(Errors(With(9, null)), Is.EqualTo(new[]
        {
            F + "1:1: tdd-pattern: required key is missing: tdd-pattern {slots, special-slot} for TDD, or duplex: fdd",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_allow_extended_cyclic_prefix_only_with_numerology_2()
    {
        Assert.That(Errors(Plus("cyclic-prefix: extended")), Is.EqualTo(new[]
        {
            F + "13:16: cyclic-prefix: extended cyclic prefix exists only for numerology 2 (60 kHz; 3GPP TS 38.211 §4.2), not 1",
        }));
        string mu2 = With(3, "numerology: 2").Replace("prbs: 273", "prbs: 135")
            .Replace("duplex: fdd", "tdd-pattern: {slots: DDDSU, special-slot: {dl: 8, guard: 2, ul: 2}}");
        var profile = Parse(mu2 + "cyclic-prefix: extended\n");
        Assert.That(profile.Carrier.SymbolsPerSlot, Is.EqualTo(12), "the special slot sums to 12 with extended CP");
    }

    [Test]
    public void FronthaulProfileLoader_must_report_every_error_of_a_file_in_file_order()
    {
        string yaml = string.Join('\n',
            "numerology: 5",
            "prbs: 0",
            "eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4}",
            "compression: {dl: {method: bfp, iq-width: 9}, ul: {method: bfp, iq-width: 9}}",
            "duplex: fdd",
            "capture-clock: local",
            "gps-offset: {alpha: 10ms, beta: 40000}",
            "tap: middle",
            "verdict-thresholds: {late: 5, lost: 200%, skew: 0}") + "\n";
        Assert.That(Errors(yaml), Is.EqualTo(new[]
        {
            F + "1:13: numerology: 5 is outside 0..3",
            F + "2:7: prbs: 0 is outside 1..275",
            F + "3:15: eaxc-id-bits.ru-port: required key is missing: an integer (0..16)",
            F + "6:16: capture-clock: expected one of utc, tai, gps, got 'local'",
            F + "7:21: gps-offset.alpha: 10ms is not below one 10 ms frame: put whole frames in beta",
            F + "7:33: gps-offset.beta: 40000 is outside -32768..32767",
            F + "8:6: tap: expected one of ru, du, got 'middle'",
            F + "9:28: verdict-thresholds.late: '5' is outside 0..1: write a fraction such as 0.05, or a percentage such as 5%",
            F + "9:37: verdict-thresholds.lost: '200%' is outside 0%..100%",
            F + "9:43: verdict-thresholds.skew: unknown key; verdict-thresholds takes late, early, lost, duplicate, out-of-order, malformed",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_report_YAML_syntax_errors_and_duplicate_keys_with_their_position()
    {
        Assert.That(Errors("name: [a\n"), Has.Count.EqualTo(1).And.One.StartsWith(F + "2:1: YAML syntax error: "));
        Assert.That(Errors(Plus("name: y")), Is.EqualTo(new[] { F + "13:1: YAML syntax error: Duplicate key name" }));
        Assert.That(Errors(""), Is.EqualTo(new[] { F + "1:1: the file is empty: a plan file is one YAML mapping of keys" }));
        Assert.That(Errors("- a\n"), Is.EqualTo(new[]
        {
            F + "1:1: the document must be a mapping of keys (key: value lines), not a list",
        }));
    }

    [Test]
    public void FronthaulProfileLoader_must_name_an_unreadable_file_without_a_position()
    {
        var ex = Assert.Throws<OranTestbed.Plans.Yaml.PlanValidationException>(() =>
            OranTestbed.Plans.Profiles.FronthaulProfileLoader.Load("testplans/profiles/missing.yaml"));
        Assert.That(ex!.Errors.Single().ToString(), Does.StartWith("testplans/profiles/missing.yaml: cannot read the file: "));
    }

    [Test]
    public void FronthaulProfileLoader_must_read_thresholds_gps_offset_clock_and_tap()
    {
        var p = Parse(Plus(
            "capture-clock: gps",
            "gps-offset: {alpha: 100ns, beta: -2}",
            "tap: du",
            "verdict-thresholds: {late: 0.1%, early: 0.002, out-of-order: 1%}",
            "vlan-id: 2",
            "ecpri-udp-port: 5000"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.CaptureClock, Is.EqualTo(TimeScale.Gps));
            Assert.That(p.GpsOffset, Is.EqualTo(new FrameAlignment(100, -2)));
            Assert.That(p.GpsOffset.TotalNs, Is.EqualTo(-19_999_900));
            Assert.That(p.Tap, Is.EqualTo(Fronthaul.Profiles.CaptureTap.Du));
            Assert.That(p.VerdictThresholds.Late, Is.EqualTo(0.001m));
            Assert.That(p.VerdictThresholds.Early, Is.EqualTo(0.002m));
            Assert.That(p.VerdictThresholds.OutOfOrder, Is.EqualTo(0.01m));
            Assert.That(p.VerdictThresholds.Lost, Is.Zero);
            Assert.That(p.VlanId, Is.EqualTo(2));
            Assert.That(p.EcpriUdpPort, Is.EqualTo(5000));
        }
    }

    [Test]
    public void FronthaulProfileLoader_must_take_the_subcarrier_spacing_instead_of_the_numerology()
    {
        Assert.That(Parse(With(3, "subcarrier-spacing: 30kHz")).Carrier.Numerology, Is.EqualTo(1));
        Assert.That(Errors(Plus("subcarrier-spacing: 15kHz")), Is.EqualTo(new[]
        {
            F + "13:21: subcarrier-spacing: 15 kHz disagrees with numerology 1 (15·2^1 = 30 kHz)",
        }));
    }
}
