using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Manifests;

/// <summary>
/// Why an object in a manifest cannot be used: a field error (strict decoding or validation)
/// located in the source, or a problem reading the file at all.
/// </summary>
public sealed record ManifestProblem(SourceLocation Location, string Message, FieldError? Error, string? ObjectName)
{
    public override string ToString() => $"{Location}: {Message}";
}
