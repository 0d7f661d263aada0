using System.Text;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// Something a campaign asked for that will not run, and why. The fields say what was left out: the operator profile,
/// the band (null when it holds for every band), the products of the combination (null when not about products) and
/// the case (null for a whole combination).
/// </summary>
public sealed record Exclusion(ExclusionKind Kind, string OperatorProfile, string? Band, string? ODu, string? ORu, string? OCu,
    string? Case, string Reason)
{
    /// <summary>What was excluded, in words: "xylem/xd-100 × quasar/q-300 in n78-urban for operator-b".</summary>
    public string What
    {
        get
        {
            var text = new StringBuilder();
            if (Case is not null)
            {
                text.Append(Case);
            }

            string products = string.Join(" × ", new[] { ODu, ORu, OCu }.OfType<string>());
            if (products.Length > 0)
            {
                text.Append(text.Length > 0 ? " on " : "").Append(products);
            }

            text.Append(text.Length > 0 ? " " : "").Append(Band is null ? "in every band" : "in " + Band);
            return text.Append(" for ").Append(OperatorProfile).ToString();
        }
    }
}
