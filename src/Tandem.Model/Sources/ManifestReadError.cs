namespace Tandem.Model.Sources;

/// <summary>
/// Why a manifest could not be read, and where. <see cref="Message"/> says what is wrong and what
/// to do; <see cref="ToString"/> prefixes the location the way compilers do:
/// <c>pod.yaml:12:7: duplicate key "image" in a mapping (first at 10:7); remove one of them</c>.
/// </summary>
/// <param name="Message">What is wrong and what to do, without the location.</param>
/// <param name="Location">The file and position; <see cref="SourceLocation.Line"/> is 0 when the
/// problem concerns the whole file (missing, too large) rather than a position in it.</param>
public sealed record ManifestReadError(string Message, SourceLocation Location)
{
    /// <summary>Whether <see cref="Location"/> points into the file rather than at the file as a whole.</summary>
    public bool HasPosition => Location.Line > 0;

    public override string ToString() =>
        HasPosition ? $"{Location}: {Message}" : $"{Location.File}: {Message}";
}
