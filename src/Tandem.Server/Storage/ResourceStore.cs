using System.Globalization;
using Tandem.Model.Meta;
using Tandem.Server.Http;

namespace Tandem.Server.Storage;

/// <summary>
/// The API objects the server serves, each with the resourceVersion of its last change from one global counter, a
/// history of recent changes and the open watches. Every change happens under one lock, so versions, the history
/// and what each watcher receives are all in the same order. Reads copy what they need under the lock.
/// </summary>
internal sealed class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly ResourceVersionCounter _counter;
    private readonly WatchHistory _history;
    private readonly Dictionary<ResourceKind, SortedDictionary<(string Namespace, string Name), StoredObject>> _objects = [];
    private readonly List<Watcher> _watchers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceStore(ResourceVersionCounter counter, int historyCapacity)
    {
        _counter = counter;
        _history = new WatchHistory(historyCapacity, counter.Current);
        foreach (var kind in ResourceKinds.All)
        {
            _objects[kind] = [];
        }
    }

    public long CurrentVersion
    {
        get
        {
            lock (_gate)
            {
                return _counter.Current;
            }
        }
    }

    /// <summary>Completes at the next change of anything.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public StoredObject? Get(ResourceKind kind, string @namespace, string name)
    {
        lock (_gate)
        {
            return _objects[kind].GetValueOrDefault((@namespace, name));
        }
    }

    /// <summary>The objects of <paramref name="kind"/> (in one namespace, or all when null) that pass the filter, by namespace and name, and the version they are current at.</summary>
    public (List<StoredObject> Items, long Version) List(ResourceKind kind, string? @namespace, Func<StoredObject, bool>? filter = null)
    {
        lock (_gate)
        {
            var items = new List<StoredObject>();
            foreach (var stored in _objects[kind].Values)
            {
                if ((@namespace is null || stored.Namespace == @namespace) && (filter is null || filter(stored)))
                {
                    items.Add(stored);
                }
            }
            return (items, _counter.Current);
        }
    }

    /// <summary>Stores a new object; 409 AlreadyExists when the name is taken.</summary>
    public StoredObject Create(ResourceKind kind, IKubernetesObject value, object? source = null)
    {
        lock (_gate)
        {
            var key = KeyOf(kind, value);
            if (_objects[kind].ContainsKey(key))
            {
                throw Errors.AlreadyExists(kind.Resource, key.Name);
            }
            return Write(kind, key, value, source, null);
        }
    }

    /// <summary>
    /// Creates or replaces an object. With <paramref name="expectedVersion"/>, the object must exist at exactly that
    /// version (optimistic concurrency; 404 or 409 Conflict otherwise).
    /// </summary>
    public StoredObject Put(ResourceKind kind, IKubernetesObject value, object? source = null, long? expectedVersion = null)
    {
        lock (_gate)
        {
            var key = KeyOf(kind, value);
            var existing = _objects[kind].GetValueOrDefault(key);
            if (expectedVersion is { } expected)
            {
                if (existing is null)
                {
                    throw Errors.NotFound(kind.Resource, key.Name);
                }
                if (existing.ResourceVersion != expected)
                {
                    throw Errors.Conflict(kind.Resource, key.Name, "the object has been modified; please apply your changes to the latest version and try again");
                }
            }
            return Write(kind, key, value, source, existing);
        }
    }

    /// <summary>Removes an object (only the one with <paramref name="uid"/> when given); the DELETED event carries <paramref name="final"/> or the stored object.</summary>
    public StoredObject? Remove(ResourceKind kind, string @namespace, string name, string? uid = null, IKubernetesObject? final = null)
    {
        lock (_gate)
        {
            var key = (kind.Namespaced ? @namespace : "", name);
            if (!_objects[kind].TryGetValue(key, out var existing) || (uid is not null && existing.Uid != uid))
            {
                return null;
            }
            _objects[kind].Remove(key);
            var version = _counter.Next();
            var stored = new StoredObject(kind, Stamp(final ?? existing.Object, version), version);
            Publish(new WatchEvent(WatchEvent.Deleted, stored, existing));
            return stored;
        }
    }

    /// <summary>
    /// Opens a watch. From version 0 or none: a synthetic ADDED for every current match first. From version N: every
    /// change after N (410 Expired when the history no longer reaches back to N).
    /// </summary>
    public Watcher Watch(ResourceKind kind, Func<StoredObject, bool> filter, long? fromVersion)
    {
        lock (_gate)
        {
            var current = _counter.Current;
            var watcher = new Watcher(kind, filter, fromVersion is > 0 and var v ? Math.Max(v, 0) : current);
            if (fromVersion is null or 0)
            {
                foreach (var stored in _objects[kind].Values)
                {
                    if (filter(stored))
                    {
                        watcher.Enqueue(new WatchEvent(WatchEvent.Added, stored, null));
                    }
                }
            }
            else
            {
                var replay = new List<WatchEvent>();
                if (!_history.TryReplay(fromVersion.Value, replay))
                {
                    throw Errors.Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {fromVersion} ({_history.Floor + 1})"));
                }
                foreach (var change in replay)
                {
                    if (change.Object.Kind == kind)
                    {
                        watcher.Offer(change);
                    }
                }
            }
            _watchers.Add(watcher);
            return watcher;
        }
    }

    public void Unwatch(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
        watcher.Close();
    }

    /// <summary>Ends every watch (the server is stopping).</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }
            _watchers.Clear();
        }
    }

    private StoredObject Write(ResourceKind kind, (string Namespace, string Name) key, IKubernetesObject value, object? source, StoredObject? existing)
    {
        var version = _counter.Next();
        var stored = new StoredObject(kind, Stamp(value, version), version, source);
        _objects[kind][key] = stored;
        Publish(new WatchEvent(existing is null ? WatchEvent.Added : WatchEvent.Modified, stored, existing));
        return stored;
    }

    private void Publish(WatchEvent change)
    {
        _history.Add(change);
        foreach (var watcher in _watchers)
        {
            if (watcher.Kind == change.Object.Kind)
            {
                watcher.Offer(change);
            }
        }
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static IKubernetesObject Stamp(IKubernetesObject value, long version) =>
        ObjectMetadata.WithTypeMeta(ObjectMetadata.With(value, (value.Metadata ?? new ObjectMeta()) with
        {
            ResourceVersion = version.ToString(CultureInfo.InvariantCulture),
        }));

    private static (string Namespace, string Name) KeyOf(ResourceKind kind, IKubernetesObject value) =>
        (kind.Namespaced ? value.Metadata?.Namespace ?? "" : "", value.Metadata?.Name ?? "");
}
