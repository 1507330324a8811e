using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Sources;

namespace Tandem.Server.Http;

/// <summary>Reads a request body within the size limit and parses it as JSON or YAML.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            throw Errors.TooLarge(limit);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw Errors.TooLarge(limit);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>A JSON object; YAML when <paramref name="yaml"/> (server-side apply bodies and application/yaml).</summary>
    public static JsonObject ParseObject(byte[] body, bool yaml)
    {
        if (yaml)
        {
            var read = ManifestReader.Read(Encoding.UTF8.GetString(body), "request body");
            if (!read.IsSuccess)
            {
                throw Errors.BadRequest($"error decoding YAML: {read.Error.Message}");
            }
            if (read.Documents.Count != 1)
            {
                throw Errors.BadRequest("the request body must hold exactly one object");
            }
            return read.Documents[0].Content;
        }
        return ParseNode(body) as JsonObject ?? throw Errors.BadRequest("the request body must be a JSON object");
    }

    public static JsonNode ParseNode(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw Errors.BadRequest("the request body is empty");
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"error decoding JSON: {e.Message}");
        }
    }
}
