using System.Text;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// A page under construction. <c>html.Append($"&lt;td&gt;{text}&lt;/td&gt;")</c> copies the literal parts as they are and
/// HTML-encodes every interpolated value (numbers in the invariant culture), so a reason like <c>&lt;script&gt;</c>
/// or a product id in an attribute can never become markup; only <see cref="Markup"/> passes through.
/// </summary>
internal sealed class HtmlBuilder
{
    internal StringBuilder Buffer { get; } = new();

    public HtmlBuilder Append([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref HtmlInterpolation html)
    {
        _ = html;
        return this;
    }

    public HtmlBuilder Append(Markup markup)
    {
        Buffer.Append(markup.Html);
        return this;
    }

    public override string ToString() => Buffer.ToString();
}
