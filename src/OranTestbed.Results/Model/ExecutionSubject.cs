using System.Collections.Immutable;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Results.Model;

/// <summary>
/// What an execution tested: band, operator profile, IOT profile (name, specification, version), fronthaul profile,
/// case (id, name, status as the operator runs it, the spec reference), repetition and the products with their versions.
/// </summary>
public sealed record ExecutionSubject(string Band, string OperatorProfile, string IotProfile, string IotSpecification,
    string IotSpecVersion, string FronthaulProfile, string CaseId, string CaseName, string CaseStatus, string CaseReference,
    int Repetition, ImmutableArray<ProductRef> Products)
{
    /// <summary>The subject of a planned execution (case status <c>mandatory</c> when the operator's needs make it so).</summary>
    public static ExecutionSubject Of(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var products = ImmutableArray.Create(ProductRef.Of(execution.Products.ODu), ProductRef.Of(execution.Products.ORu));
        if (execution.Products.OCu is { } cu)
        {
            products = products.Add(ProductRef.Of(cu));
        }

        var iot = execution.Setup.IotProfile;
        var testCase = execution.Case.Case;
        string status = execution.Case.IsMandatory ? "mandatory" : PlanNames.Of(testCase.Status);
        return new ExecutionSubject(execution.Setup.Band.Id, execution.Setup.Operator.Id, iot.Name, iot.Specification, iot.SpecVersion,
            execution.Setup.FronthaulProfile.Name, testCase.Id, testCase.Name, status, testCase.Reference, execution.Repetition, products);
    }

    /// <summary>Product roles in the order results print them.</summary>
    public static readonly ImmutableArray<string> Roles = ["o-du", "o-ru", "o-cu"];

    public ProductRef? Product(string role) => Products.FirstOrDefault(p => p.Role == role);

    /// <summary>"O-DU × O-RU" or "O-DU × O-RU × O-CU" by product id.</summary>
    public string Combination => string.Join(" × ", Roles.Select(Product).OfType<ProductRef>().Select(p => p.Id));
}
