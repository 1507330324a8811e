namespace Tandem.Server.Patching.Apply;

/// <summary>The outcome of a server-side apply: the new object, or the conflicts that stopped it.</summary>
public sealed record ApplyResult(System.Text.Json.Nodes.JsonObject? Object, IReadOnlyList<ApplyConflict> Conflicts, bool Created)
{
    public bool Succeeded => Object is not null;

    /// <summary>The 409 Status message, as the API server's <c>getConflictMessage</c> words it.</summary>
    public string ConflictMessage
    {
        get
        {
            if (Conflicts.Count == 1)
            {
                return $"Apply failed with 1 conflict: {Conflicts[0].Message}: {Conflicts[0].Field}";
            }
            var lines = Conflicts.GroupBy(c => c.Manager).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(c => "- " + c.Field).Prepend($"conflicts with {g.Key}:"));
            return $"Apply failed with {Conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
    }
}
