using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;
using Tandem.Node.Store;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>
/// Namespaces: <c>default</c>, <c>kube-system</c> and <c>kube-public</c> always exist; any other is created on first
/// use (friendlier than the apiserver's 404 for a single-node tool, spec 6). Deleting one marks it Terminating, deletes
/// everything in it, pods gracefully, and removes it once its pods are gone (the namespace controller's job). Kept in
/// <c>&lt;state&gt;/api/namespaces.json</c> so a restarted node has the same ones.
/// </summary>
internal sealed partial class NamespaceLifecycle : IObjectWriter
{
    private static readonly string[] Builtin = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly ApiContext _api;
    private readonly string _file;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    public NamespaceLifecycle(ApiContext api)
    {
        _api = api;
        _logger = api.Loggers.CreateLogger<NamespaceLifecycle>();
        _file = Path.Combine(api.Kubelet.Options.StateDirectory, "api", "namespaces.json");
        if (File.Exists(_file))
        {
            foreach (var ns in JsonSerializer.Deserialize(File.ReadAllBytes(_file), ServerJsonContext.Default.ListNamespace) ?? [])
            {
                api.Store.Put(ResourceKinds.Namespaces, ns);
            }
        }
        foreach (var name in Builtin)
        {
            EnsureActive(name);
        }
        foreach (var ns in api.Store.List(ResourceKinds.Namespaces, null).Items.Where(n => n.Object.Metadata?.DeletionTimestamp is not null))
        {
            _ = FinishDeletionAsync(ns.Name);
        }
    }

    /// <summary>Creates the namespace when missing; 403 when it is being deleted (the apiserver's NamespaceLifecycle admission).</summary>
    public void EnsureActive(string name)
    {
        lock (_gate)
        {
            var existing = _api.Store.Get(ResourceKinds.Namespaces, "", name);
            if (existing?.Object is Namespace { Status.Phase: "Terminating" })
            {
                throw Errors.Forbidden($"unable to create new content in namespace {name} because it is being terminated");
            }
            if (existing is null)
            {
                _api.Store.Create(ResourceKinds.Namespaces, New(name));
                Persist();
            }
        }
    }

    public Task<StoredObject> CreateAsync(IKubernetesObject value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ns = (Namespace)value;
            var created = _api.Store.Create(ResourceKinds.Namespaces, ns with
            {
                Spec = ns.Spec ?? new NamespaceSpec { Finalizers = ["kubernetes"] },
                Status = new NamespaceStatus { Phase = "Active" },
                Metadata = ns.Metadata! with { Labels = WithNameLabel(ns.Metadata.Labels, ns.Metadata.Name!) },
            });
            Persist();
            return Task.FromResult(created);
        }
    }

    public Task<StoredObject> UpdateAsync(StoredObject current, IKubernetesObject value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ns = (Namespace)value;
            var updated = _api.Store.Put(ResourceKinds.Namespaces, ns with
            {
                Status = ((Namespace)current.Object).Status,
                Metadata = ns.Metadata! with { Labels = WithNameLabel(ns.Metadata.Labels, ns.Metadata.Name!) },
            }, expectedVersion: current.ResourceVersion);
            Persist();
            return Task.FromResult(updated);
        }
    }

    public void ValidateUpdate(StoredObject current, IKubernetesObject value)
    {
    }

    public Task<StoredObject> DeleteAsync(StoredObject current, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        if (current.Name is "default" or "kube-system" or "kube-public")
        {
            throw Errors.Forbidden($"namespaces \"{current.Name}\" is forbidden: this namespace may not be deleted");
        }
        StoredObject terminating;
        lock (_gate)
        {
            var ns = (Namespace)current.Object;
            if (ns.Status?.Phase == "Terminating")
            {
                return Task.FromResult(current);
            }
            terminating = _api.Store.Put(ResourceKinds.Namespaces, ns with
            {
                Metadata = ns.Metadata! with { DeletionTimestamp = _api.Now },
                Status = new NamespaceStatus { Phase = "Terminating" },
            });
            Persist();
        }
        _ = FinishDeletionAsync(current.Name);
        return Task.FromResult(terminating);
    }

    private async Task FinishDeletionAsync(string name)
    {
        try
        {
            foreach (var kind in new[] { ResourceKinds.ConfigMaps, ResourceKinds.Secrets, ResourceKinds.Events })
            {
                foreach (var stored in _api.Store.List(kind, name).Items)
                {
                    if (kind == ResourceKinds.ConfigMaps)
                    {
                        _api.Kubelet.Store.RemoveConfigMap(new PodKey(name, stored.Name));
                    }
                    else if (kind == ResourceKinds.Secrets)
                    {
                        _api.Kubelet.Store.RemoveSecret(new PodKey(name, stored.Name));
                    }
                    _api.Store.Remove(kind, name, stored.Name);
                }
            }
            while (true)
            {
                var changed = _api.Store.Changed;
                var pods = _api.Store.List(ResourceKinds.Pods, name).Items;
                if (pods.Count == 0)
                {
                    break;
                }
                foreach (var pod in pods.Where(p => p.Object.Metadata?.DeletionTimestamp is null))
                {
                    _api.Kubelet.BeginDelete(new PodKey(name, pod.Name), null);
                }
                await changed.ConfigureAwait(false);
            }
            lock (_gate)
            {
                _api.Store.Remove(ResourceKinds.Namespaces, "", name);
                Persist();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDeletionFailed(_logger, e, name);
        }
    }

    private Namespace New(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Uid = Guid.NewGuid().ToString(), CreationTimestamp = _api.Now, Labels = WithNameLabel(null, name) },
        Spec = new NamespaceSpec { Finalizers = ["kubernetes"] },
        Status = new NamespaceStatus { Phase = "Active" },
    };

    // The apiserver labels every namespace with its own name (kubernetes.io/metadata.name).
    private static Dictionary<string, string> WithNameLabel(IReadOnlyDictionary<string, string>? labels, string name) =>
        new(labels ?? new Dictionary<string, string>()) { ["kubernetes.io/metadata.name"] = name };

    private void Persist()
    {
        var all = _api.Store.List(ResourceKinds.Namespaces, null).Items.Select(s => (Namespace)s.Object).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temporary = _file + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(all, ServerJsonContext.Default.ListNamespace));
        File.Move(temporary, _file, overwrite: true);
    }

    [LoggerMessage(1, LogLevel.Warning, "Deleting namespace {Namespace} failed")]
    private static partial void LogDeletionFailed(ILogger logger, Exception exception, string @namespace);
}
