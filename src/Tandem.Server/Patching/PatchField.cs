namespace Tandem.Server.Patching;

/// <summary>
/// How one field patches: a list with <see cref="Merge"/> merges element-wise (by <see cref="MergeKey"/>, or as a set
/// of primitives when there is none), other lists are atomic; <see cref="RetainKeys"/> lets a patch clear the
/// element's other keys. <see cref="Schema"/> describes the nested object (or each element of a list).
/// <see cref="ListMapKeys"/> are the server-side apply keys, which can be more than the merge key (ports).
/// </summary>
public sealed record PatchField(PatchSchema? Schema = null, bool Merge = false, string? MergeKey = null, bool RetainKeys = false)
{
    private readonly IReadOnlyList<string>? _listMapKeys;

    public IReadOnlyList<string> ListMapKeys
    {
        get => _listMapKeys ?? (MergeKey is null ? [] : [MergeKey]);
        init => _listMapKeys = value;
    }

    /// <summary>Values the API server defaults for missing list-map keys (ports: protocol TCP), so apply can match items.</summary>
    public IReadOnlyDictionary<string, string>? KeyDefaults { get; init; }

    public static PatchField Object(PatchSchema schema) => new(schema);

    public static PatchField MergeList(string mergeKey, PatchSchema? element = null) => new(element, Merge: true, MergeKey: mergeKey);

    public static PatchField PrimitiveSet() => new(Merge: true);
}
