using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Serialization;

/// <summary>What decoding one document gave: the objects (a <c>List</c> gives several) or the errors.</summary>
public sealed record DecodeResult(IReadOnlyList<DecodedObject> Objects, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
