namespace Tandem.Runtime.Runc;

/// <summary>The container records on disk; the disk is the truth so a restarted node sees what the last one left.</summary>
internal sealed class ContainerRecords(StateLayout layout)
{
    private readonly Lock _gate = new();

    public ContainerRecord? Get(string id) =>
        IsId(id) ? JsonFiles.Read<ContainerRecord>(PathOf(id)) : null;

    public ContainerRecord Require(string id) =>
        Get(id) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"container {id} does not exist on this node");

    public void Save(ContainerRecord record) => JsonFiles.Write(PathOf(record.Id), record);

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

    public IReadOnlyList<ContainerRecord> All()
    {
        if (!Directory.Exists(layout.ContainersDirectory))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(layout.ContainersDirectory)
            .Select(d => JsonFiles.Read<ContainerRecord>(Path.Combine(d, "container.json")))
            .OfType<ContainerRecord>()
            .OrderBy(r => r.CreatedAt)];
    }

    /// <summary>The name of a container using an image (any state), so the image is not removed under it.</summary>
    public string? UsingImage(string imageId) =>
        All().FirstOrDefault(r => r.ImageId == imageId) is { } record ? $"\"{record.Config.Name}\" ({record.Id})" : null;

    private string PathOf(string id) => Path.Combine(layout.ContainerDirectory(id), "container.json");

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);
}
