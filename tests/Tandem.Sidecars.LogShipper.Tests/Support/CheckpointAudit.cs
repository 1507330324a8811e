using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Inputs;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>
/// Reads the checkpoint file a killed shipper left behind and works out which written lines it
/// covers (every line before a stream's offset, in the file that holds the stream). Those lines
/// were acknowledged and durably checkpointed, so no later start may send them again, and the
/// sink must already have each of them at least once.
/// </summary>
public sealed class CheckpointAudit(string dataDir, string logsDir)
{
    private readonly Dictionary<string, int> _receivedWhenCheckpointed = [];

    /// <summary>Lines covered by some checkpoint seen so far.</summary>
    public int Checkpointed => _receivedWhenCheckpointed.Count;

    /// <summary>Call with the shipper dead and the writers paused, so names and checkpoint agree.</summary>
    public void Capture(IEnumerable<string> receivedMessages)
    {
        var counts = Count(receivedMessages);
        foreach (var record in new CheckpointStore(dataDir).Load().Streams)
        {
            if (Locate(record) is not { } path)
            {
                continue;
            }
            foreach (var id in IdsBefore(path, record.Offset))
            {
                _receivedWhenCheckpointed.TryAdd(id, counts.GetValueOrDefault(id));
            }
        }
    }

    /// <summary>Checkpointed lines the sink did not have when the checkpoint was found: a checkpoint ahead of an acknowledgement.</summary>
    public IReadOnlyList<string> CheckpointedButNotReceived() =>
        [.. _receivedWhenCheckpointed.Where(kv => kv.Value == 0).Select(kv => kv.Key).Order()];

    /// <summary>Checkpointed lines the sink received again afterwards: a re-send of an acknowledged, durably checkpointed batch.</summary>
    public IReadOnlyList<string> ResentAfterCheckpoint(IEnumerable<string> receivedMessages)
    {
        var counts = Count(receivedMessages);
        return [.. _receivedWhenCheckpointed.Where(kv => counts.GetValueOrDefault(kv.Key) > kv.Value).Select(kv => kv.Key).Order()];
    }

    private string? Locate(CheckpointRecord record)
    {
        var identity = new FileIdentity(record.Device, record.Inode);
        if (FileStat.TryGet(record.Path, out var found, out _) && found == identity)
        {
            return record.Path;
        }
        // Renamed after the shipper last looked: find the file by its inode.
        return Directory.GetFiles(logsDir).FirstOrDefault(f => FileStat.TryGet(f, out var other, out _) && other == identity);
    }

    private static IEnumerable<string> IdsBefore(string path, long offset)
    {
        using var file = File.OpenRead(path);
        var bytes = new byte[Math.Min(offset, file.Length)];
        file.ReadExactly(bytes);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(SequenceWriter.IdOf).OfType<string>();
    }

    private static Dictionary<string, int> Count(IEnumerable<string> receivedMessages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var id in receivedMessages.Select(SequenceWriter.IdOf).OfType<string>())
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return counts;
    }
}
