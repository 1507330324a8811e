using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;
using Tandem.Server.Storage;

namespace Tandem.Server.Http;

/// <summary>Writes JSON responses: one object, a list, a Status. Objects go out as the bytes the store cached for their version.</summary>
internal static class JsonOutput
{
    public const string ContentType = "application/json";

    public static Task WriteObjectAsync(HttpContext context, int code, StoredObject stored) =>
        WriteBytesAsync(context, code, stored.Json.ToArray());

    public static Task WriteStatusAsync(HttpContext context, Status status)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(status, KubernetesJsonContext.Default.Status);
        return WriteBytesAsync(context, status.Code ?? 500, bytes);
    }

    /// <summary><c>{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"N"},"items":[...]}</c></summary>
    public static Task WriteListAsync(HttpContext context, string listKind, IReadOnlyList<StoredObject> items, long version)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (items.Count * 2048));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", listKind);
            writer.WriteString("apiVersion", "v1");
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", version.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item.Json, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return WriteBytesAsync(context, 200, buffer.WrittenMemory);
    }

    public static Task WriteBytesAsync(HttpContext context, int code, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = code;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task WriteJsonAsync(HttpContext context, int code, string contentType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        var response = context.Response;
        response.StatusCode = code;
        response.ContentType = contentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }
}
