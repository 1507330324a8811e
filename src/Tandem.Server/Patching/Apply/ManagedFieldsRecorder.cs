using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>
/// Records a non-apply write (create, update, patch) in <c>metadata.managedFields</c> as an Update entry, the way the
/// API server does for every write: the manager takes the fields whose values it changed, other managers lose them,
/// and fields the write removed are dropped from every entry. Recording these is optional (spec §6.4): with them,
/// kubectl 1.2x migrates <c>kubectl-client-side-apply</c> ownership with a JSON patch and apply conflicts appear.
/// </summary>
public static class ManagedFieldsRecorder
{
    /// <summary>Writes the entries into <paramref name="after"/> and returns it; ownership is read from <paramref name="before"/>.</summary>
    public static JsonObject RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now, PatchSchema schema, string? subresource = null)
    {
        var entries = ManagedFieldsEntry.Read(before);
        var afterSet = AppliedFields.Of(after, schema);
        var changed = afterSet.Paths.Where(path => Changed(before, after, path, schema)).ToList();
        foreach (var entry in entries)
        {
            foreach (var path in entry.Fields.Paths.ToList())
            {
                if (ObjectPaths.Get(after, path, schema) is null && !afterSet.Contains(path))
                {
                    entry.Fields.Remove(path);
                }
            }
        }
        if (changed.Count > 0)
        {
            var own = entries.FirstOrDefault(e => e.Manager == manager && !e.IsApply && e.Subresource == subresource);
            if (own is null)
            {
                own = new ManagedFieldsEntry
                {
                    Manager = manager,
                    Operation = "Update",
                    ApiVersion = after["apiVersion"]?.ToString() ?? "v1",
                    Subresource = subresource,
                    Fields = new ManagedFieldSet(),
                };
                entries.Add(own);
            }
            own.Time = ManagedFieldsEntry.FormatTime(now);
            foreach (var path in changed)
            {
                own.Fields.Add(path);
                foreach (var other in entries.Where(e => !ReferenceEquals(e, own)))
                {
                    other.Fields.Remove(path);
                }
            }
        }
        ManagedFieldsEntry.Write(after, entries);
        return after;
    }

    private static bool Changed(JsonObject? before, JsonObject after, IReadOnlyList<string> path, PatchSchema schema)
    {
        var old = ObjectPaths.Get(before, path, schema);
        if (path[^1][0] is 'k' or 'v')
        {
            return old is null;
        }
        return old is null || !JsonNode.DeepEquals(old, ObjectPaths.Get(after, path, schema));
    }
}
