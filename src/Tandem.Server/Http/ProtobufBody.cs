using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Server.Http;

/// <summary>
/// Reads the Kubernetes protobuf encoding of the few objects kubectl 1.28+ sends that way (<c>kubectl create
/// namespace|configmap|secret</c> use the typed client, which prefers <c>application/vnd.kubernetes.protobuf</c> and
/// does not fall back on 415) into the same JSON the other paths decode. The envelope is the magic <c>k8s\0</c> and a
/// <c>runtime.Unknown</c> (typeMeta 1, raw 2); field numbers are those of <c>k8s.io/api/core/v1/generated.proto</c>.
/// </summary>
internal static class ProtobufBody
{
    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.Ordinal);

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual("k8s\0"u8))
        {
            throw Errors.BadRequest("the protobuf body does not start with the Kubernetes magic number");
        }
        string? apiVersion = null, kind = null;
        ReadOnlyMemory<byte> raw = default;
        foreach (var (field, value) in Fields(body.AsMemory(4)))
        {
            switch (field)
            {
                case 1:
                    foreach (var (f, v) in Fields(value.Bytes))
                    {
                        if (f == 1)
                        {
                            apiVersion = v.Text;
                        }
                        else if (f == 2)
                        {
                            kind = v.Text;
                        }
                    }
                    break;
                case 2:
                    raw = value.Bytes;
                    break;
                default:
                    break;
            }
        }
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (field, value) in Fields(raw))
        {
            switch (kind, field)
            {
                case (_, 1):
                    result["metadata"] = ObjectMeta(value.Bytes);
                    break;
                case ("ConfigMap", 2):
                    Entry(result, "data", value.Bytes, bytes: false);
                    break;
                case ("ConfigMap", 3) or ("Secret", 2):
                    Entry(result, kind == "Secret" ? "data" : "binaryData", value.Bytes, bytes: true);
                    break;
                case ("ConfigMap", 4) or ("Secret", 5):
                    result["immutable"] = value.Number != 0;
                    break;
                case ("Secret", 3):
                    result["type"] = value.Text;
                    break;
                case ("Secret", 4):
                    Entry(result, "stringData", value.Bytes, bytes: false);
                    break;
                case ("Namespace", 2):
                    var finalizers = new JsonArray();
                    foreach (var (f, v) in Fields(value.Bytes))
                    {
                        if (f == 1)
                        {
                            finalizers.Add(v.Text);
                        }
                    }
                    result["spec"] = new JsonObject { ["finalizers"] = finalizers };
                    break;
                case ("ConfigMap" or "Secret" or "Namespace", _):
                    break;
                default:
                    throw Errors.UnsupportedMediaType($"application/vnd.kubernetes.protobuf for {kind}; send JSON");
            }
        }
        return result;
    }

    private static JsonObject ObjectMeta(ReadOnlyMemory<byte> bytes)
    {
        var metadata = new JsonObject();
        foreach (var (field, value) in Fields(bytes))
        {
            switch (field)
            {
                case 1:
                    metadata["name"] = value.Text;
                    break;
                case 2:
                    metadata["generateName"] = value.Text;
                    break;
                case 3:
                    metadata["namespace"] = value.Text;
                    break;
                case 11:
                    Entry(metadata, "labels", value.Bytes, bytes: false);
                    break;
                case 12:
                    Entry(metadata, "annotations", value.Bytes, bytes: false);
                    break;
                case 14:
                    (metadata["finalizers"] ??= new JsonArray()).AsArray().Add(value.Text);
                    break;
                default:
                    break;
            }
        }
        return metadata;
    }

    // A map field is a repeated entry message {1: key, 2: value}; []byte values are base64 in JSON.
    private static void Entry(JsonObject target, string name, ReadOnlyMemory<byte> entry, bool bytes)
    {
        string key = "";
        JsonNode? value = bytes ? "" : "";
        foreach (var (field, v) in Fields(entry))
        {
            if (field == 1)
            {
                key = v.Text;
            }
            else if (field == 2)
            {
                value = bytes ? Convert.ToBase64String(v.Bytes.Span) : v.Text;
            }
        }
        ((target[name] ??= new JsonObject()).AsObject())[key] = value;
    }

    private static IEnumerable<(int Field, Value Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message.Span, ref position);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return (field, new Value(default, Varint(message.Span, ref position)));
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    if (length < 0 || position + length > message.Length)
                    {
                        throw Errors.BadRequest("the protobuf body is truncated");
                    }
                    yield return (field, new Value(message.Slice(position, length), 0));
                    position += length;
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw Errors.BadRequest("the protobuf body has an unsupported wire type");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length)
            {
                throw Errors.BadRequest("the protobuf body is truncated");
            }
            var b = span[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw Errors.BadRequest("the protobuf body has a malformed varint");
    }

    private readonly record struct Value(ReadOnlyMemory<byte> Bytes, ulong Number)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }
}
