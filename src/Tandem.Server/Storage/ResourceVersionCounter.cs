using System.Globalization;

namespace Tandem.Server.Storage;

/// <summary>
/// The one resourceVersion sequence shared by every kind (etcd's revision). It must keep growing across restarts, or a
/// client holding an old list would replay nothing; so the counter reserves blocks on disk and starts a restarted
/// server above the last reservation, never writing the file more than once per <see cref="Block"/> versions.
/// Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class ResourceVersionCounter
{
    public const long Block = 1000;

    private readonly string? _path;
    private long _current;
    private long _reserved;

    /// <param name="path">Where the reservation lives; null keeps it in memory (tests, benchmarks).</param>
    public ResourceVersionCounter(string? path)
    {
        _path = path;
        if (path is not null && File.Exists(path)
            && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var reserved))
        {
            _current = reserved;
        }
        _reserved = _current;
    }

    public long Current => _current;

    public long Next()
    {
        _current++;
        if (_current > _reserved)
        {
            _reserved = _current + Block;
            Persist(_reserved);
        }
        return _current;
    }

    private void Persist(long reserved)
    {
        if (_path is null)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, reserved.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, _path, overwrite: true);
    }
}
