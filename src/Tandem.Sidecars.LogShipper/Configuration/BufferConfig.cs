namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>How much read-but-unacknowledged data may be held, where, and what happens when that is full.</summary>
public sealed record BufferConfig
{
    public BufferType Type { get; init; } = BufferType.Memory;

    /// <summary>Upper bound of event bytes held in memory between reading and acknowledgement (both buffer types).</summary>
    public ByteSize MaxBytes { get; init; } = new(4 << 20);

    /// <summary>Disk buffer: upper bound of the on-disk queue (in <c>dataDir/buffer</c>).</summary>
    public ByteSize MaxDiskBytes { get; init; } = new(256 << 20);

    /// <summary>Disk buffer: what happens when it is full.</summary>
    public WhenFull WhenFull { get; init; } = WhenFull.Block;
}
