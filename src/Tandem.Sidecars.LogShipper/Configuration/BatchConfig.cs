namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>A batch is sent when it holds this many events or bytes, or its first event waited this long.</summary>
public sealed record BatchConfig
{
    public int MaxEvents { get; init; } = 10_000;

    public ByteSize MaxBytes { get; init; } = new(1 << 20);

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Batches sent at once (memory buffer). More overlap encoding, the network and the sink;
    /// acknowledgements still advance in read order, and a crash re-sends at most these batches plus those
    /// acknowledged while the last checkpoint write was under way (see <see cref="Checkpoints.CheckpointWriter"/>).
    /// </summary>
    public int MaxInFlight { get; init; } = 2;
}
