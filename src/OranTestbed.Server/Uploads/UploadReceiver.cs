using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OranTestbed.Server.Api;

namespace OranTestbed.Server.Uploads;

/// <summary>
/// Reads <c>POST /api/v1/results</c> bodies, streaming (never buffering an archive in memory): either the O-RAN
/// results JSON alone (<c>application/json</c>), or <c>multipart/form-data</c> with a part <c>results</c> (the JSON)
/// and optionally a part <c>artifacts</c> (a .zip or .tar.gz). Limits: the whole body (<see
/// cref="ServerOptions.MaxUploadBytes"/>, also enforced by Kestrel) and the document (<see
/// cref="ServerOptions.MaxDocumentBytes"/>): 413 beyond.
/// </summary>
internal static class UploadReceiver
{
    public const string DocumentPart = "results";
    public const string ArchivePart = "artifacts";

    public static async Task<ReceivedUpload> ReadAsync(HttpRequest request, ServerOptions options, string workFolder,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > options.MaxUploadBytes)
        {
            throw ApiProblems.TooLarge($"the upload is {length} bytes; this server accepts at most {options.MaxUploadBytes}");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var contentType = request.ContentType is { } text && MediaTypeHeaderValue.TryParse(text, out var parsed) ? parsed : null;
        string mediaType = contentType?.MediaType.Value?.ToLowerInvariant() ?? "";
        if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            string json = await ReadDocumentAsync(request.Body, options, hash, cancellationToken).ConfigureAwait(false);
            return new ReceivedUpload(json, null, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }

        if (mediaType != "multipart/form-data")
        {
            throw new ApiProblemException(415, "unsupported-media-type", "Unsupported media type",
                $"send the O-RAN results JSON as application/json, or multipart/form-data with the parts '{DocumentPart}' (JSON) "
                + $"and '{ArchivePart}' (.zip or .tar.gz); got '{request.ContentType}'");
        }

        string boundary = HeaderUtilities.RemoveQuotes(contentType!.Boundary).Value ?? "";
        if (boundary.Length is 0 or > 200)
        {
            throw ApiProblems.BadRequest("bad-multipart", "the multipart/form-data content type has no valid boundary");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        string? document = null;
        string? archive = null;
        MultipartSection? section;
        while ((section = await ReadSectionAsync(reader, cancellationToken).ConfigureAwait(false)) is not null)
        {
            string? name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
                : null;
            switch (name)
            {
                case DocumentPart when document is null:
                    hash.AppendData("document\n"u8);
                    document = await ReadDocumentAsync(section.Body, options, hash, cancellationToken).ConfigureAwait(false);
                    break;
                case ArchivePart when archive is null:
                    hash.AppendData("archive\n"u8);
                    archive = Path.Combine(workFolder, "upload.archive");
                    await CopyAsync(section.Body, archive, hash, cancellationToken).ConfigureAwait(false);
                    break;
                case DocumentPart or ArchivePart:
                    throw ApiProblems.BadRequest("bad-multipart", $"the part '{name}' appears twice");
                default:
                    throw ApiProblems.BadRequest("bad-multipart",
                        $"unexpected part '{name}': the parts are '{DocumentPart}' (JSON) and '{ArchivePart}' (.zip or .tar.gz)");
            }
        }

        if (document is null)
        {
            throw ApiProblems.BadRequest("bad-multipart", $"the multipart upload has no '{DocumentPart}' part (the O-RAN results JSON)");
        }

        return new ReceivedUpload(document, archive, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw ApiProblems.BadRequest("bad-multipart", "malformed multipart/form-data: " + e.Message);
        }
    }

    private static async Task<string> ReadDocumentAsync(Stream body, ServerOptions options, IncrementalHash hash,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await ReadChunkAsync(body, chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxDocumentBytes)
            {
                throw ApiProblems.TooLarge($"the results document is larger than {options.MaxDocumentBytes} bytes, the most this server reads");
            }

            hash.AppendData(chunk, 0, read);
            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw ApiProblems.BadRequest("malformed-json", $"the results document is not UTF-8 (byte {e.Index})",
                [ProblemError.At("", "not UTF-8 text")]);
        }
    }

    private static async Task CopyAsync(Stream body, string path, IncrementalHash hash, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var chunk = new byte[81920];
        int read;
        while ((read = await ReadChunkAsync(body, chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a chunk, turning Kestrel's body-size refusal into our 413.</summary>
    private static async Task<int> ReadChunkAsync(Stream body, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ApiProblems.TooLarge("the upload is larger than this server accepts: " + e.Message);
        }
    }
}
