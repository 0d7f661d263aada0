using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// The one place NETCONF XML is parsed and written. Parsing refuses DTDs (entity expansion, "billion laughs") and
/// external resolution, and bounds the document, because the peer is the equipment under test and may be broken or
/// hostile. Everything after this is namespace-aware <see cref="XElement"/> work: peers pick their own prefixes
/// (<c>nc:rpc-reply</c>), so names are never matched as strings.
/// </summary>
internal static class NetconfXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
    };

    /// <summary>The document element of one message; <see cref="XmlException"/> when it is not well-formed or has a DTD.</summary>
    public static XElement Parse(byte[] message, long maxCharactersInDocument)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharactersInDocument,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var stream = new MemoryStream(message, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        var document = XDocument.Load(reader);
        return document.Root ?? throw new XmlException("the message has no document element");
    }

    /// <summary>UTF-8 without a byte order mark, with an XML declaration, not indented.</summary>
    public static byte[] Serialize(XElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            element.Save(writer);
        }

        return buffer.ToArray();
    }
}
