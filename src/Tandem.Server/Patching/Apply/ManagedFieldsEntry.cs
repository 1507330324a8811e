using System.Text.Json.Nodes;
using Tandem.Model.Primitives;

namespace Tandem.Server.Patching.Apply;

/// <summary>One <c>metadata.managedFields</c> entry, read from and written back to JSON.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    public required string Operation { get; init; }

    public string ApiVersion { get; init; } = "v1";

    public string? Subresource { get; init; }

    public string? Time { get; set; }

    public required ManagedFieldSet Fields { get; set; }

    public bool IsApply => Operation == "Apply";

    /// <summary>The manager as conflicts print it (apiserver <c>printManager</c>, whose identifiers carry no time).</summary>
    public string Display => IsApply ? $"\"{Manager}\"" : $"\"{Manager}\" using {ApiVersion}";

    public static List<ManagedFieldsEntry> Read(JsonObject? obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj?["metadata"]?["managedFields"] is not JsonArray array)
        {
            return entries;
        }
        foreach (var item in array.OfType<JsonObject>())
        {
            entries.Add(new ManagedFieldsEntry
            {
                Manager = item["manager"]?.ToString() ?? "",
                Operation = item["operation"]?.ToString() ?? "",
                ApiVersion = item["apiVersion"]?.ToString() ?? "v1",
                Subresource = item["subresource"]?.ToString(),
                Time = item["time"]?.ToString(),
                Fields = ManagedFieldSet.FromFieldsV1(item["fieldsV1"]),
            });
        }
        return entries;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var node = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                node["time"] = entry.Time;
            }
            node["fieldsType"] = "FieldsV1";
            node["fieldsV1"] = entry.Fields.ToFieldsV1();
            if (!string.IsNullOrEmpty(entry.Subresource))
            {
                node["subresource"] = entry.Subresource;
            }
            array.Add(node);
        }
        if (array.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = array;
        }
    }

    public static string FormatTime(DateTimeOffset time) => RfcTimeJsonConverter.Format(time);
}
