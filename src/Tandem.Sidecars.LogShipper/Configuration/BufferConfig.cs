namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>How much read-but-unacknowledged data may be held, and what happens when that is full.</summary>
public sealed record BufferConfig
{
    /// <summary>Upper bound of event bytes held in memory between reading and acknowledgement.</summary>
    public ByteSize MaxBytes { get; init; } = new(16 << 20);
}
