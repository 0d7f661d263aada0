using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace OranTestbed.Server.Dashboard;

/// <summary>The interpolated-string handler of <see cref="HtmlBuilder.Append(ref HtmlInterpolation)"/>: literals raw,
/// holes encoded (<see cref="WebUtility.HtmlEncode(string)"/>: &lt; &gt; &amp; " ' become entities, safe in text and in
/// quoted attributes), <see cref="Markup"/> raw.</summary>
[InterpolatedStringHandler]
internal readonly ref struct HtmlInterpolation
{
    private readonly HtmlBuilder _html;

    public HtmlInterpolation(int literalLength, int formattedCount, HtmlBuilder html)
    {
        _ = literalLength;
        _ = formattedCount;
        _html = html;
    }

    public void AppendLiteral(string literal) => _html.Buffer.Append(literal);

    public void AppendFormatted(Markup markup) => _html.Buffer.Append(markup.Html);

    public void AppendFormatted(string? text) => _html.Buffer.Append(WebUtility.HtmlEncode(text ?? ""));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is Markup markup)
        {
            AppendFormatted(markup);
            return;
        }

        AppendFormatted(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());
    }
}
