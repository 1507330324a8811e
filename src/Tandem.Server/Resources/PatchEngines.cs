using System.Text.Json.Nodes;
using Tandem.Server.Http;
using Tandem.Server.Patching;
using Tandem.Server.Patching.Apply;

namespace Tandem.Server.Resources;

/// <summary>The one place the server calls the patch engines of <c>Patching/</c>, turning their failures into Status errors.</summary>
internal static class PatchEngines
{
    public static JsonObject Apply(string type, string kind, JsonObject? live, JsonNode patch, string? fieldManager, bool force, DateTimeOffset now)
    {
        var schema = kind == "Pod" ? PatchSchemas.Pod : PatchSchemas.Simple;
        try
        {
            var result = type switch
            {
                PatchRequest.JsonPatch => JsonPatch.Apply(live, patch),
                PatchRequest.MergePatch => JsonMergePatch.Apply(live, patch),
                PatchRequest.StrategicMergePatch => StrategicMergePatch.Apply(live, patch, schema),
                PatchRequest.ApplyPatch => Apply(live, (JsonObject)patch, schema, fieldManager!, force, now),
                _ => throw Errors.UnsupportedMediaType(type),
            };
            return result as JsonObject ?? throw Errors.BadRequest("the patch did not produce an object");
        }
        catch (PatchException e)
        {
            throw e.IsMalformed ? Errors.BadRequest(e.Message) : Errors.Invalid(kind, (string?)live?["metadata"]?["name"] ?? "", [Model.Validation.FieldError.Invalid(Model.Validation.FieldPath.Root("patch"), null, e.Message)]);
        }
    }

    /// <summary>
    /// Server-side apply with the Patching engine: field ownership per manager in managedFields, 409 Conflict naming the
    /// other manager's fields unless forced. Non-apply writes record no managedFields (spec 6.4: recording
    /// kubectl-client-side-apply would make kubectl migrate them with a JSON patch).
    /// </summary>
    private static JsonNode Apply(JsonObject? live, JsonObject applied, PatchSchema schema, string fieldManager, bool force, DateTimeOffset now)
    {
        var result = ServerSideApply.Apply(live, applied, fieldManager, force, now, schema);
        if (result.Succeeded)
        {
            return result.Object!;
        }
        var name = (string?)live?["metadata"]?["name"] ?? "";
        var kind = (string?)live?["kind"] ?? "";
        throw new ApiError(Errors.Status(409, "Conflict", result.ConflictMessage, new Model.Meta.StatusDetails
        {
            Name = name,
            Kind = kind.ToLowerInvariant() + "s",
            Causes = [.. result.Conflicts.Select(c => new Model.Meta.StatusCause { Reason = "FieldManagerConflict", Message = c.Message, Field = c.Field })],
        }));
    }
}
