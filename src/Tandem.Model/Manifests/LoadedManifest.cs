namespace Tandem.Model.Manifests;

/// <summary>Everything read from one file: the usable objects and the problems, all of them.</summary>
public sealed record LoadedManifest(string File, IReadOnlyList<LoadedObject> Objects, IReadOnlyList<ManifestProblem> Problems)
{
    /// <summary>True when the file could not be read as YAML at all (not just invalid objects).</summary>
    public bool Unreadable { get; init; }

    public bool IsValid => Problems.Count == 0;
}
