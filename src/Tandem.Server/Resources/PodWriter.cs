using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Node.Store;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>
/// Pods go through the node: a create admits the pod on the Kubelet, an update passes the allowed changes to its
/// worker, a delete starts the node's ordered termination. The answer is the version the node then published.
/// </summary>
internal sealed class PodWriter(ApiContext api, NamespaceLifecycle namespaces) : IObjectWriter
{
    public async Task<StoredObject> CreateAsync(IKubernetesObject value, CancellationToken cancellationToken)
    {
        var pod = (Pod)value;
        var ns = pod.Metadata?.Namespace ?? "default";
        var name = pod.Metadata?.Name ?? "";
        namespaces.EnsureActive(ns);
        Pod admitted;
        try
        {
            admitted = api.Kubelet.Apply(pod);
        }
        catch (InvalidOperationException)
        {
            throw Errors.AlreadyExists("pods", name);
        }
        var uid = admitted.Metadata?.Uid;
        var stored = await StoreWaits.UntilAsync(api.Store, ResourceKinds.Pods, ns, name, s => s?.Uid == uid, api.Time, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.Uid == uid ? stored : throw Errors.Internal($"pod {ns}/{name} was admitted but the node did not publish it");
    }

    public async Task<StoredObject> UpdateAsync(StoredObject current, IKubernetesObject value, CancellationToken cancellationToken)
    {
        var pod = (Pod)value;
        if (!api.Kubelet.Update(pod))
        {
            throw Errors.NotFound("pods", current.Name);
        }
        var stored = await StoreWaits.UntilAsync(api.Store, ResourceKinds.Pods, current.Namespace, current.Name,
            s => s is null || (s.Object is Pod p && ReferenceEquals(p.Spec, pod.Spec) && ReferenceEquals(p.Metadata?.Labels, pod.Metadata?.Labels)
                && ReferenceEquals(p.Metadata?.Annotations, pod.Metadata?.Annotations)),
            api.Time, cancellationToken).ConfigureAwait(false);
        return stored ?? throw Errors.NotFound("pods", current.Name);
    }

    public void ValidateUpdate(StoredObject current, IKubernetesObject value)
    {
        var errors = PodUpdateRules.Validate((Pod)current.Object, (Pod)value);
        if (errors.Count > 0)
        {
            throw Errors.Invalid("Pod", current.Name, errors);
        }
    }

    /// <summary>
    /// Graceful: answers with the pod carrying deletionTimestamp, and the node removes it when everything stopped.
    /// Grace 0 (<c>--grace-period=0 --force</c>): the API object goes at once while the node kills the containers.
    /// </summary>
    public async Task<StoredObject> DeleteAsync(StoredObject current, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        var key = new PodKey(current.Namespace, current.Name);
        if (!api.Kubelet.BeginDelete(key, gracePeriodSeconds))
        {
            throw Errors.NotFound("pods", current.Name);
        }
        if (gracePeriodSeconds == 0)
        {
            var pod = (Pod)current.Object;
            var final = pod with { Metadata = pod.Metadata! with { DeletionTimestamp = api.Now, DeletionGracePeriodSeconds = 0 } };
            api.Bridge.Forget(final);
            return new StoredObject(ResourceKinds.Pods, final, current.ResourceVersion);
        }
        var uid = current.Uid;
        var stored = await StoreWaits.UntilAsync(api.Store, ResourceKinds.Pods, current.Namespace, current.Name,
            s => s is null || s.Uid != uid || s.Object.Metadata?.DeletionTimestamp is not null, api.Time, cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored.Uid == uid)
        {
            return stored;
        }
        // Already gone (a finished pod is removed at once): answer with what it was.
        var last = (Pod)current.Object;
        return new StoredObject(ResourceKinds.Pods, last with { Metadata = last.Metadata! with { DeletionTimestamp = api.Now, DeletionGracePeriodSeconds = gracePeriodSeconds ?? 0 } }, current.ResourceVersion);
    }
}
