namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>
/// The content of one log file as the shipper follows it: which file holds it now (device, inode,
/// path, fingerprint) and how far the sinks have acknowledged it. A rename or a copy moves the
/// stream to another file; a truncation starts a new stream. The <see cref="CheckpointLedger"/>
/// owns the lock that guards these fields.
/// </summary>
public sealed class TrackedStream
{
    internal TrackedStream(long id, FileIdentity identity, Fingerprint fingerprint, string path, long ackedOffset)
    {
        Id = id;
        Identity = identity;
        Fingerprint = fingerprint;
        Path = path;
        AckedOffset = ackedOffset;
    }

    public long Id { get; }

    public FileIdentity Identity { get; internal set; }

    public Fingerprint Fingerprint { get; internal set; }

    public string Path { get; internal set; }

    /// <summary>Everything before this offset has been acknowledged by every output.</summary>
    public long AckedOffset { get; internal set; }

    /// <summary>The last known size of the file holding the stream, for the lag metric.</summary>
    public long Size { get; internal set; }

    /// <summary>The stream's file was closed (gone, truncated away): drop it once fully acknowledged.</summary>
    public bool Retired { get; internal set; }

    /// <summary>Retired and no copy is expected any more: forgotten once fully acknowledged.</summary>
    public bool Released { get; internal set; }

    /// <summary>Where reading stopped when it was retired; acknowledgement up to here lets it go.</summary>
    public long FinalOffset { get; internal set; } = long.MaxValue;
}
