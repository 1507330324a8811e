using Tandem.Sidecars.LogShipper.Checkpoints;

namespace Tandem.Sidecars.LogShipper.Events;

/// <summary>
/// One log event between reading and acknowledgement. Owned by one stage at a time (reader, then
/// delivery), so it is a plain mutable class rather than a record copied at every step.
/// </summary>
public sealed class LogEvent
{
    /// <summary>Per-event overhead counted against the memory budget besides the message bytes.</summary>
    public const int Overhead = 96;

    /// <summary>The line (or joined lines) as read, UTF-8 when the writer wrote UTF-8; invalid bytes are replaced only when encoding.</summary>
    public required byte[] Message { get; set; }

    /// <summary>When the event happened: parsed from it, from the CRI prefix, or the time it was read.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>When the shipper read it (for lag and OTLP's observed time).</summary>
    public DateTimeOffset ObservedAt { get; init; }

    /// <summary>The file path (or <c>stdin</c>).</summary>
    public string? Source { get; init; }

    /// <summary><c>stdout</c> or <c>stderr</c> for CRI logs.</summary>
    public string? Stream { get; init; }

    /// <summary>The line exceeded the maximum and was cut.</summary>
    public bool Truncated { get; init; }

    /// <summary>Parsed, configured and pod fields, in output order.</summary>
    public List<EventField>? Fields { get; set; }

    /// <summary>A filter dropped it: not sent, but its position is still acknowledged.</summary>
    public bool Filtered { get; set; }

    /// <summary>The file stream it came from, or null for stdin (nothing to checkpoint).</summary>
    public TrackedStream? Origin { get; init; }

    /// <summary>The offset just past this event in <see cref="Origin"/>: where a restart resumes once it is acknowledged.</summary>
    public long EndOffset { get; init; }

    /// <summary>What this event counts against the memory budget; fixed at creation so acquire and release agree.</summary>
    public int BudgetBytes { get; init; }
}
