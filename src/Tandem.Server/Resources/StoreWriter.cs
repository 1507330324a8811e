using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;
using Tandem.Node.Store;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>
/// ConfigMaps, Secrets and Events: kept by the store, and ConfigMaps and Secrets also handed to the node (pods read
/// them from its store when their containers start, and that store is what a restarted node reloads).
/// </summary>
internal sealed class StoreWriter(ApiContext api, ResourceKind kind, NamespaceLifecycle namespaces) : IObjectWriter
{
    public Task<StoredObject> CreateAsync(IKubernetesObject value, CancellationToken cancellationToken)
    {
        namespaces.EnsureActive(value.Metadata?.Namespace ?? "default");
        if (api.Store.Get(kind, value.Metadata?.Namespace ?? "", value.Metadata?.Name ?? "") is not null)
        {
            throw Errors.AlreadyExists(kind.Resource, value.Metadata?.Name ?? "");
        }
        SaveOnNode(value);
        return Task.FromResult(api.Store.Create(kind, value));
    }

    public Task<StoredObject> UpdateAsync(StoredObject current, IKubernetesObject value, CancellationToken cancellationToken)
    {
        SaveOnNode(value);
        return Task.FromResult(api.Store.Put(kind, value, expectedVersion: current.ResourceVersion));
    }

    public Task<StoredObject> DeleteAsync(StoredObject current, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        var key = new PodKey(current.Namespace, current.Name);
        if (kind == ResourceKinds.ConfigMaps)
        {
            api.Kubelet.Store.RemoveConfigMap(key);
        }
        else if (kind == ResourceKinds.Secrets)
        {
            api.Kubelet.Store.RemoveSecret(key);
        }
        return Task.FromResult(api.Store.Remove(kind, current.Namespace, current.Name, current.Uid) ?? throw Errors.NotFound(kind.Resource, current.Name));
    }

    public void ValidateUpdate(StoredObject current, IKubernetesObject value)
    {
        // apimachinery ValidateConfigMapUpdate / ValidateSecretUpdate: an immutable object keeps its data for good.
        var (wasImmutable, sameData) = (current.Object, value) switch
        {
            (ConfigMap before, ConfigMap after) => (before.Immutable == true, Same(before.Data, after.Data) && SameBytes(before.BinaryData, after.BinaryData)),
            (Secret before, Secret after) => (before.Immutable == true, SameBytes(before.Data, after.Data) && Same(before.StringData, after.StringData)),
            _ => (false, true),
        };
        if (wasImmutable && (!sameData || value switch { ConfigMap c => c.Immutable != true, Secret s => s.Immutable != true, _ => false }))
        {
            throw Errors.Invalid(kind.Kind, current.Name, [FieldError.Forbidden(FieldPath.Root(sameData ? "immutable" : "data"), "field is immutable when `immutable` is set")]);
        }
        if (current.Object is Secret oldSecret && value is Secret newSecret && (oldSecret.Type ?? "Opaque") != (newSecret.Type ?? "Opaque"))
        {
            throw Errors.Invalid(kind.Kind, current.Name, [FieldError.Invalid(FieldPath.Root("type"), newSecret.Type, "field is immutable")]);
        }
    }

    private void SaveOnNode(IKubernetesObject value)
    {
        switch (value)
        {
            case ConfigMap configMap:
                api.Kubelet.Apply(configMap);
                break;
            case Secret secret:
                api.Kubelet.Apply(secret);
                break;
            default:
                break;
        }
    }

    private static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));

    private static bool SameBytes(IReadOnlyDictionary<string, byte[]>? a, IReadOnlyDictionary<string, byte[]>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v.AsSpan().SequenceEqual(p.Value)));
}
