using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Validation;
using Tandem.Server.Http;

namespace Tandem.Server.Resources;

/// <summary>
/// A PATCH body and how to apply it, by Content-Type: JSON patch, JSON merge patch, strategic merge patch (the
/// Pod's merge keys, what client-side <c>kubectl apply</c> sends) or server-side apply (YAML, which JSON is a subset
/// of; <c>fieldManager</c> required; creates what does not exist).
/// </summary>
internal sealed class PatchRequest
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    private readonly string _type;
    private readonly JsonNode _patch;
    private readonly string? _fieldManager;
    private readonly bool _force;

    private PatchRequest(string type, JsonNode patch, string? fieldManager, bool force)
    {
        _type = type;
        _patch = patch;
        _fieldManager = fieldManager;
        _force = force;
    }

    public bool IsApply => _type == ApplyPatch;

    /// <summary>The patch sets metadata.resourceVersion: a precondition the client wants enforced, so no retry.</summary>
    public bool PinsVersion => _patch switch
    {
        JsonObject o => o["metadata"]?["resourceVersion"] is not null,
        JsonArray a => a.Any(op => op?["path"]?.ToString() == "/metadata/resourceVersion"),
        _ => false,
    };

    public static PatchRequest Parse(HttpContext context, byte[] body)
    {
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var fieldManager = context.Request.Query["fieldManager"].FirstOrDefault();
        var force = ListQuery.Flag(context.Request.Query, "force");
        switch (contentType)
        {
            case ApplyPatch:
                if (string.IsNullOrEmpty(fieldManager))
                {
                    throw Errors.Invalid("PatchOptions.meta.k8s.io", "", [FieldError.Required(FieldPath.Root("fieldManager"), "is required for apply patch")]);
                }
                return new PatchRequest(contentType, RequestBody.ParseObject(body, yaml: true), fieldManager, force);
            case JsonPatch:
                return new PatchRequest(contentType, RequestBody.ParseNode(body) as JsonArray ?? throw Errors.BadRequest("a JSON patch must be an array of operations"), fieldManager, force);
            case MergePatch or StrategicMergePatch:
                return new PatchRequest(contentType, RequestBody.ParseObject(body, yaml: false), fieldManager, force);
            default:
                throw Errors.UnsupportedMediaType(contentType);
        }
    }

    /// <summary>The patched object; <paramref name="live"/> is null only for an apply that creates.</summary>
    public JsonObject Apply(string kind, JsonObject? live, DateTimeOffset now) => PatchEngines.Apply(_type, kind, live, _patch, _fieldManager, _force, now);
}
