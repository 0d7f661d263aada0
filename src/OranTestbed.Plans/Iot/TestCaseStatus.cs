namespace OranTestbed.Plans.Iot;

/// <summary>A case's status in the IOT specification (a badge needs every mandatory and applicable conditional case).</summary>
public enum TestCaseStatus
{
    Mandatory,

    /// <summary>Mandatory when a condition holds (e.g. both DUTs support the hybrid M-plane model).</summary>
    ConditionallyMandatory,

    Optional,
}
