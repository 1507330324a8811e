using System.Threading.Channels;

namespace Tandem.Server.Storage;

/// <summary>
/// One open watch: the store puts every change of its kind that passes <see cref="Filter"/> into a queue, in
/// resourceVersion order; the HTTP side drains it. A watcher that falls <see cref="MaxBacklog"/> events behind is
/// ended (the client re-lists and watches again, as informers do after a dropped watch).
/// </summary>
internal sealed class Watcher(ResourceKind kind, Func<StoredObject, bool> filter, long startVersion)
{
    public const int MaxBacklog = 50_000;

    private readonly Channel<WatchEvent> _queue = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private int _backlog;
    private long _progress = startVersion;

    public ResourceKind Kind { get; } = kind;

    public Func<StoredObject, bool> Filter { get; } = filter;

    public ChannelReader<WatchEvent> Events => _queue.Reader;

    /// <summary>The newest resourceVersion this watcher has been offered (delivered or filtered out): a safe BOOKMARK.</summary>
    public long Progress => Volatile.Read(ref _progress);

    public bool IsClosed { get; private set; }

    /// <summary>Called by the store (under its lock) for each change of <see cref="Kind"/>.</summary>
    public void Offer(WatchEvent change)
    {
        if (IsClosed)
        {
            return;
        }
        var matchesNow = Filter(change.Object);
        var matchedBefore = change.Previous is { } previous && Filter(previous);
        var type = change.Type switch
        {
            WatchEvent.Deleted => matchesNow ? WatchEvent.Deleted : null,
            WatchEvent.Added => matchesNow ? WatchEvent.Added : null,
            _ when matchesNow && matchedBefore => WatchEvent.Modified,
            _ when matchesNow => WatchEvent.Added,
            _ when matchedBefore => WatchEvent.Deleted,
            _ => null,
        };
        if (type is not null)
        {
            Enqueue(type == change.Type ? change : change with { Type = type });
        }
        Volatile.Write(ref _progress, change.ResourceVersion);
    }

    /// <summary>Queues an event as is (the synthetic ADDED of a watch from version 0).</summary>
    public void Enqueue(WatchEvent change)
    {
        if (Interlocked.Increment(ref _backlog) > MaxBacklog)
        {
            Close();
            return;
        }
        _queue.Writer.TryWrite(change);
    }

    /// <summary>The reader took one event.</summary>
    public void Took() => Interlocked.Decrement(ref _backlog);

    public void Close()
    {
        IsClosed = true;
        _queue.Writer.TryComplete();
    }
}
