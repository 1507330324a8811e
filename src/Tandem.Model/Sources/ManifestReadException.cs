namespace Tandem.Model.Sources;

/// <summary>
/// Unwinds the reader from deep inside a document to <see cref="ManifestReader"/>, which turns it
/// back into a <see cref="ManifestReadResult"/>; it never escapes the public surface.
/// </summary>
internal sealed class ManifestReadException(ManifestReadError error) : Exception(error.ToString())
{
    public ManifestReadError Error { get; } = error;
}
