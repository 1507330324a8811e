using System.Diagnostics.CodeAnalysis;

namespace Tandem.Model.Sources;

/// <summary>
/// What <see cref="ManifestReader"/> returns: every non-empty document of the file, or the first
/// error that stopped reading. Bad input is a value here, never an exception.
/// </summary>
public sealed class ManifestReadResult
{
    private ManifestReadResult(IReadOnlyList<ManifestDocument> documents, ManifestReadError? error)
    {
        Documents = documents;
        Error = error;
    }

    /// <summary>The documents in file order; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<ManifestDocument> Documents { get; }

    /// <summary>Why reading stopped, or null when it succeeded.</summary>
    public ManifestReadError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static ManifestReadResult Success(IReadOnlyList<ManifestDocument> documents) => new(documents, null);

    public static ManifestReadResult Failure(ManifestReadError error) => new([], error);

    public override string ToString() =>
        IsSuccess ? $"{Documents.Count} document(s)" : Error.ToString();
}
