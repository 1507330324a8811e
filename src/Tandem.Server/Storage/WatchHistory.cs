namespace Tandem.Server.Storage;

/// <summary>
/// The newest changes, oldest first, in a fixed ring (the apiserver's watch cache): a watch from resourceVersion N
/// replays every change after N when N is still covered, and is told 410 Expired when it is not.
/// Not thread-safe: the store uses it under its lock.
/// </summary>
internal sealed class WatchHistory(int capacity, long startVersion)
{
    private readonly WatchEvent[] _ring = new WatchEvent[capacity];
    private int _start;
    private int _count;

    /// <summary>Every change with a resourceVersion above this one is in the ring.</summary>
    public long Floor { get; private set; } = startVersion;

    public void Add(WatchEvent change)
    {
        if (_count == _ring.Length)
        {
            Floor = _ring[_start].ResourceVersion;
            _ring[_start] = change;
            _start = (_start + 1) % _ring.Length;
            return;
        }
        _ring[(_start + _count) % _ring.Length] = change;
        _count++;
    }

    /// <summary>The changes after <paramref name="version"/>, oldest first; false when some of them are gone.</summary>
    public bool TryReplay(long version, List<WatchEvent> into)
    {
        if (version < Floor)
        {
            return false;
        }
        for (var i = 0; i < _count; i++)
        {
            var change = _ring[(_start + i) % _ring.Length];
            if (change.ResourceVersion > version)
            {
                into.Add(change);
            }
        }
        return true;
    }
}
