namespace Tandem.Server.Patching;

/// <summary>
/// The patch strategies of an object's fields: a tree of <see cref="PatchField"/>s. Fields it does not name are plain
/// maps (merged recursively) or atomic lists (replaced), which is right for everything outside the merge lists.
/// </summary>
public sealed class PatchSchema(IReadOnlyDictionary<string, PatchField> fields)
{
    /// <summary>No merge lists anywhere: ConfigMaps, Secrets, Events, Namespaces (besides their metadata).</summary>
    public static PatchSchema Plain { get; } = new(new Dictionary<string, PatchField>());

    /// <summary>The Pod schema (<see cref="PatchSchemas.Pod"/>).</summary>
    public static PatchSchema Pod => PatchSchemas.Pod;

    public IReadOnlyDictionary<string, PatchField> Fields { get; } = fields;

    public PatchField? Field(string name) => Fields.GetValueOrDefault(name);

    /// <summary>The nested schema of a field, or <see cref="Plain"/>.</summary>
    public PatchSchema Child(string name) => Fields.GetValueOrDefault(name)?.Schema ?? Plain;
}
