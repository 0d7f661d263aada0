using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Analysis.Tests.Rules;

public class RuleCatalogueSpecs
{
    private static readonly string[] Families = ["ECPRI", "CPLANE", "UPLANE", "TIMING", "SEQ", "COMP", "PTP", "FRAME", "TDD", "ORU"];

    [Test]
    public void RuleCatalogue_must_have_unique_well_formed_ids_and_ordinals_equal_to_positions()
    {
        var all = RuleCatalogue.All;
        Assert.That(all.Select(r => r.Id), Is.Unique);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.That(all[i].Ordinal, Is.EqualTo(i));
            Assert.That(all[i].Id, Does.Match("^[A-Z0-9]+(-[A-Z0-9]+)+$"));
            Assert.That(Families, Does.Contain(all[i].Family), all[i].Id);
            Assert.That(all[i].Description, Is.Not.Empty);
            Assert.That(all[i].Clause, Is.Not.Empty);
        }
    }

    [TestCase("ECPRI-REVISION")]
    [TestCase("ECPRI-PAYLOAD-SIZE")]
    [TestCase("ECPRI-RESERVED")]
    [TestCase("CPLANE-RESERVED")]
    [TestCase("CPLANE-PAYLOAD-VERSION")]
    [TestCase("UPLANE-PAYLOAD-VERSION")]
    [TestCase("CPLANE-SECTION-COUNT")]
    [TestCase("CPLANE-PRB-BEYOND-CARRIER")]
    [TestCase("UPLANE-PRB-BEYOND-CARRIER")]
    [TestCase("CPLANE-SLOT-RANGE")]
    [TestCase("UPLANE-SYMBOL-RANGE")]
    [TestCase("COMP-PROFILE-MISMATCH")]
    [TestCase("COMP-BFP-EXPONENT-RANGE")]
    [TestCase("COMP-IQ-CLIPPING")]
    [TestCase("TIMING-FRAMEID-MISMATCH")]
    [TestCase("SEQ-LOST")]
    [TestCase("SEQ-DUPLICATE")]
    [TestCase("SEQ-OUT-OF-ORDER")]
    [TestCase("SEQ-FRAGMENT-INCOMPLETE")]
    [TestCase("UPLANE-ORPHAN")]
    [TestCase("CPLANE-UNANSWERED")]
    [TestCase("TIMING-T2A-CP-DL-EARLY")]
    [TestCase("TIMING-TA4-LATE")]
    [TestCase("PTP-SYNC-RATE")]
    [TestCase("PTP-DELAY-REQ-RATE")]
    [TestCase("PTP-ANNOUNCE-RATE")]
    [TestCase("PTP-DOMAIN")]
    [TestCase("PTP-CLOCK-CLASS-CHANGE")]
    [TestCase("PTP-MULTICAST-ADDRESS")]
    [TestCase("PTP-SEQUENCE-GAP")]
    [TestCase("PTP-SYNC-WITHOUT-FOLLOW-UP")]
    [TestCase("ORU-CONFIG-COMPRESSION")]
    [TestCase("ORU-CONFIG-EAXC")]
    [TestCase("ORU-CONFIG-NUMEROLOGY")]
    [TestCase("ORU-CONFIG-PRB-SPAN")]
    public void RuleCatalogue_must_list_the_rules_issue_3_names(string id)
    {
        Assert.That(RuleCatalogue.Find(id), Is.Not.Null);
    }

    [TestCase("TDD-DL-IN-UL-SLOT")]
    [TestCase("TDD-UL-IN-DL-SLOT")]
    [TestCase("TDD-SYMBOL-OUTSIDE-SPLIT")]
    public void RuleCatalogue_must_list_the_tdd_pattern_rules_with_their_clauses(string id)
    {
        var rule = RuleCatalogue.Find(id);
        Assert.That(rule, Is.Not.Null);
        Assert.That(rule!.Clause, Does.Contain("TS 38.213 §11.1").And.Contain("TDD-UL-DL-ConfigCommon").And.Contain("O-RAN.WG4.CUS"));
        Assert.That(RuleCatalogueJson.ToJson(), Does.Contain($"\"id\": \"{id}\""));
    }

    [Test]
    public void RuleCatalogue_must_have_early_and_late_rules_for_every_window()
    {
        foreach (string window in new[] { "T2A-CP-DL", "T2A-CP-UL", "T2A-UP", "TA3", "T1A-CP-DL", "T1A-CP-UL", "T1A-UP", "TA4" })
        {
            Assert.That(RuleCatalogue.Find($"TIMING-{window}-EARLY"), Is.Not.Null, window);
            Assert.That(RuleCatalogue.Find($"TIMING-{window}-LATE"), Is.Not.Null, window);
        }
    }

    [Test]
    public void RuleCatalogue_must_map_every_decode_error_code_to_a_distinct_frame_rule()
    {
        var codes = Enum.GetValues<DecodeErrorCode>().Where(c => c != DecodeErrorCode.None).ToArray();
        var rules = codes.Select(RuleCatalogue.ForDecodeErrorCode).ToArray();
        Assert.That(rules, Is.Unique);
        Assert.That(rules.Select(r => r.Family), Is.All.EqualTo("FRAME"));
        Assert.That(rules.Select(r => r.Id), Is.EqualTo(codes.Select(c => "FRAME-" + DecodeError.NameOf(c).ToUpperInvariant())));
    }

    [TestCase("ecpri.revision", DecodeErrorCode.InvalidValue, "ECPRI-REVISION")]
    [TestCase("ecpri.reserved", DecodeErrorCode.ReservedValueSet, "ECPRI-RESERVED")]
    [TestCase("ecpri.payloadSize", DecodeErrorCode.LengthMismatch, "ECPRI-PAYLOAD-SIZE")]
    [TestCase("cplane.numberOfSections", DecodeErrorCode.LengthMismatch, "CPLANE-SECTION-COUNT")]
    [TestCase("udp.length", DecodeErrorCode.LengthMismatch, "FRAME-LENGTH-MISMATCH")]
    [TestCase("cplane.extLen", DecodeErrorCode.ExtensionLengthZero, "FRAME-EXTENSION-LENGTH-ZERO")]
    public void RuleCatalogue_must_name_field_specific_rules_before_the_generic_code(string field, DecodeErrorCode code, string id)
    {
        Assert.That(RuleCatalogue.ForDecodeError(new DecodeError(code, field, 0, "test")).Id, Is.EqualTo(id));
    }

    [Test]
    public void RuleCatalogueJson_must_list_every_rule_once()
    {
        using var json = JsonDocument.Parse(RuleCatalogueJson.ToJson());
        var ids = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.That(ids, Is.EqualTo(RuleCatalogue.All.Select(r => r.Id)));
        Assert.That(Regex.IsMatch(RuleCatalogueJson.ToJson(), "\"severity\": \"(error|warning|info)\""), Is.True);
    }
}
