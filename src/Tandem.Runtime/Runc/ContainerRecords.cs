using System.Collections.Concurrent;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The container records on disk; the disk is the truth so a restarted node sees what the last one left. This
/// process is their only writer (the node locks its state root), so they are also kept in memory once read: the
/// pod workers list their containers on every sync, and parsing every record file each time cost more than the
/// sync itself once a few pods ran.
/// </summary>
internal sealed class ContainerRecords(StateLayout layout)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ContainerRecord> _cache = new();
    private volatile bool _loaded;

    public ContainerRecord? Get(string id)
    {
        if (!IsId(id))
        {
            return null;
        }
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var record = JsonFiles.Read<ContainerRecord>(PathOf(id));
        if (record is not null)
        {
            _cache[id] = record;
        }
        return record;
    }

    public ContainerRecord Require(string id) =>
        Get(id) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"container {id} does not exist on this node");

    public void Save(ContainerRecord record)
    {
        JsonFiles.Write(PathOf(record.Id), record);
        _cache[record.Id] = record;
    }

    /// <summary>Read-modify-write under one lock, so the exit handler and a status update never overwrite each other.</summary>
    public ContainerRecord? Update(string id, Func<ContainerRecord, ContainerRecord> change)
    {
        lock (_gate)
        {
            var current = Get(id);
            if (current is null)
            {
                return null;
            }
            var next = change(current);
            Save(next);
            return next;
        }
    }

    /// <summary>The record's directory was deleted.</summary>
    public void Forget(string id) => _cache.TryRemove(id, out _);

    public IReadOnlyList<ContainerRecord> All()
    {
        if (!_loaded)
        {
            lock (_gate)
            {
                if (!_loaded && Directory.Exists(layout.ContainersDirectory))
                {
                    // Once: what an earlier process left. From then on every record passes through Save.
                    foreach (var directory in Directory.EnumerateDirectories(layout.ContainersDirectory))
                    {
                        if (JsonFiles.Read<ContainerRecord>(Path.Combine(directory, "container.json")) is { } record)
                        {
                            _cache.TryAdd(record.Id, record);
                        }
                    }
                }
                _loaded = true;
            }
        }
        return [.. _cache.Values.OrderBy(r => r.CreatedAt)];
    }

    /// <summary>The name of a container using an image (any state), so the image is not removed under it.</summary>
    public string? UsingImage(string imageId) =>
        All().FirstOrDefault(r => r.ImageId == imageId) is { } record ? $"\"{record.Config.Name}\" ({record.Id})" : null;

    private string PathOf(string id) => Path.Combine(layout.ContainerDirectory(id), "container.json");

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);
}
