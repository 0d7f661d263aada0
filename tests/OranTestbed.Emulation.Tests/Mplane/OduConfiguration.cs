namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>
/// What an O-DU configures on the O-RU at start-up (the OAI sequence, mplane.md §4.3 step 7), as edit-config payloads:
/// one tx and one rx endpoint per eAxC id, their carriers, links and (optionally) active PM objects.
/// </summary>
internal static class OduConfiguration
{
    public const string Up = "urn:o-ran:uplane-conf:1.0";
    public const string Pm = "urn:o-ran:performance-management:1.0";

    public static string Endpoint(string list, string name, int eaxcId, string method = "BLOCK_FLOATING_POINT", int bitwidth = 9) =>
        $"<{list}><name>{name}</name><compression><iq-bitwidth>{bitwidth}</iq-bitwidth><compression-type>STATIC</compression-type>"
        + $"<compression-method>{method}</compression-method></compression><cp-length>352</cp-length><cp-length-other>288</cp-length-other>"
        + "<e-axcid><o-du-port-bitmask>61440</o-du-port-bitmask><band-sector-bitmask>3840</band-sector-bitmask>"
        + $"<ccid-bitmask>240</ccid-bitmask><ru-port-bitmask>15</ru-port-bitmask><eaxc-id>{eaxcId}</eaxc-id></e-axcid></{list}>";

    public static string Carrier(string list, string name, string active = "ACTIVE") =>
        $"<{list}><name>{name}</name><absolute-frequency-center>650000</absolute-frequency-center>"
        + $"<center-of-channel-bandwidth>3750000000</center-of-channel-bandwidth><channel-bandwidth>100000000</channel-bandwidth>"
        + $"<active>{active}</active></{list}>";

    /// <summary>A full user-plane configuration: endpoints with the given eAxC ids (tx and rx alike), one carrier each way.</summary>
    public static string UserPlane(int[] eaxcIds, string active = "ACTIVE", string method = "BLOCK_FLOATING_POINT", int bitwidth = 9)
    {
        var body = new System.Text.StringBuilder();
        for (int i = 0; i < eaxcIds.Length; i++)
        {
            body.Append(Endpoint("low-level-tx-endpoints", $"tx-ep-{i}", eaxcIds[i], method, bitwidth));
            body.Append(Endpoint("low-level-rx-endpoints", $"rx-ep-{i}", eaxcIds[i], method, bitwidth));
            body.Append($"<low-level-tx-links><name>tx-link-{i}</name><processing-element>pe0</processing-element>"
                + $"<tx-array-carrier>txcc0</tx-array-carrier><low-level-tx-endpoint>tx-ep-{i}</low-level-tx-endpoint></low-level-tx-links>");
            body.Append($"<low-level-rx-links><name>rx-link-{i}</name><processing-element>pe0</processing-element>"
                + $"<rx-array-carrier>rxcc0</rx-array-carrier><low-level-rx-endpoint>rx-ep-{i}</low-level-rx-endpoint></low-level-rx-links>");
        }

        body.Append(Carrier("tx-array-carriers", "txcc0", active));
        body.Append(Carrier("rx-array-carriers", "rxcc0", active));
        return $"<user-plane-configuration xmlns=\"{Up}\">{body}</user-plane-configuration>";
    }

    public static string EditCandidate(string config) =>
        $"<nc:edit-config><nc:target><nc:candidate/></nc:target><nc:default-operation>merge</nc:default-operation>"
        + $"<nc:config>{config}</nc:config></nc:edit-config>";

    public const string Commit = "<nc:commit/>";

    public const string Validate = "<nc:validate><nc:source><nc:candidate/></nc:source></nc:validate>";

    public const string Subscribe = "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>";

    /// <summary>Active rx-window measurement objects, counted per RU, reported every <paramref name="seconds"/>.</summary>
    public static string Measurements(int seconds, params string[] objects) =>
        $"<performance-measurement-objects xmlns=\"{Pm}\"><rx-window-measurement-interval>{seconds}</rx-window-measurement-interval>"
        + $"<notification-interval>{seconds}</notification-interval>"
        + string.Concat(objects.Select(o => $"<rx-window-measurement-objects><measurement-object>{o}</measurement-object>"
            + "<active>true</active><object-unit>RU</object-unit></rx-window-measurement-objects>"))
        + "</performance-measurement-objects>";
}
