using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Server.Http;
using Tandem.Server.Patching;

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
                PatchRequest.ApplyPatch => Apply(live, (JsonObject)patch, schema, fieldManager!, now),
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
    /// Server-side apply, minimally (spec 6.4): the applied configuration merged over the live object with the Pod's
    /// merge keys, and one Apply entry per field manager in managedFields. Field ownership and conflicts between
    /// managers are not tracked.
    /// </summary>
    private static JsonNode Apply(JsonObject? live, JsonObject applied, PatchSchema schema, string fieldManager, DateTimeOffset now)
    {
        var result = live is null ? (JsonObject)applied.DeepClone() : StrategicMergePatch.Apply(live, applied, schema);
        var metadata = result["metadata"] as JsonObject ?? new JsonObject();
        result["metadata"] = metadata;
        var managed = new JsonArray();
        if (live?["metadata"]?["managedFields"] is JsonArray existing)
        {
            foreach (var entry in existing)
            {
                if ((string?)entry?["manager"] != fieldManager || (string?)entry?["operation"] != "Apply")
                {
                    managed.Add(entry?.DeepClone());
                }
            }
        }
        managed.Add(new JsonObject
        {
            ["manager"] = fieldManager,
            ["operation"] = "Apply",
            ["apiVersion"] = "v1",
            ["time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet(applied),
        });
        metadata["managedFields"] = managed;
        return result;
    }

    // A FieldsV1 set of the applied fields (f:<name> for every key; list items are owned as a whole).
    private static JsonObject FieldSet(JsonObject applied)
    {
        var set = new JsonObject();
        foreach (var (key, value) in applied)
        {
            if (key is "apiVersion" or "kind")
            {
                continue;
            }
            set["f:" + key] = value is JsonObject child ? FieldSet(child) : new JsonObject();
        }
        return set;
    }
}
