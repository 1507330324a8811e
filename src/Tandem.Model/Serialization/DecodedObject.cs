using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Serialization;

/// <summary>
/// One typed object and where it sits in its document: <see cref="PathPrefix"/> is null for the
/// document itself and <c>items[2]</c> for an entry of a <c>List</c>, so that field paths of the
/// object can be located in the source.
/// </summary>
public sealed record DecodedObject(IKubernetesObject Object, FieldPath? PathPrefix)
{
    /// <summary>The path of a field of this object within its document.</summary>
    public FieldPath InDocument(FieldPath field) => PathPrefix is null ? field : PathPrefix.Append(field);
}
