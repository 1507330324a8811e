using Tandem.Model.Meta;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>How one kind is created, replaced and deleted once the request is decoded, defaulted and validated.</summary>
internal interface IObjectWriter
{
    Task<StoredObject> CreateAsync(IKubernetesObject value, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="current"/> (checked against its version) with <paramref name="value"/>.</summary>
    Task<StoredObject> UpdateAsync(StoredObject current, IKubernetesObject value, CancellationToken cancellationToken);

    /// <summary>Deletes (or starts deleting) the object; the result is what the DELETE answers with.</summary>
    Task<StoredObject> DeleteAsync(StoredObject current, long? gracePeriodSeconds, CancellationToken cancellationToken);

    /// <summary>Checks an update beyond the create rules (immutable fields); throws an <see cref="Http.ApiError"/>.</summary>
    void ValidateUpdate(StoredObject current, IKubernetesObject value);
}
