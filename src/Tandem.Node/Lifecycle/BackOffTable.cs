using System.Collections.Immutable;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// The kubelet's exponential back-off (client-go <c>flowcontrol.Backoff</c>) as an immutable value: 10 s doubling
/// to a 300 s cap, and an entry counts as expired (starts over at 10 s) once an event comes more than 600 s
/// after its last update (R20, §2). Used for crash-loop restarts (keyed by container name and image, so an
/// image change resets it) and for image pulls (keyed by image, R11).
/// </summary>
public sealed record BackOffTable
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(600);

    public static readonly BackOffTable Empty = new();

    public ImmutableDictionary<string, BackOffEntry> Entries { get; init; } = ImmutableDictionary<string, BackOffEntry>.Empty;

    /// <summary>The crash-loop key of a container (kuberuntime <c>getStableKey</c>: name plus a hash of name and image).</summary>
    public static string RestartKey(string containerName, string? image) => $"{containerName}_{image}";

    /// <summary>The current delay of a key, zero when it has no entry.</summary>
    public TimeSpan Get(string key) => Entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;

    /// <summary>
    /// <c>IsInBackOffSince</c>: an event (a container's exit) at <paramref name="eventTime"/> is still within the
    /// key's delay. No entry means no back-off: that is why the first restart is immediate (P13).
    /// </summary>
    public bool IsInBackOffSince(string key, DateTimeOffset eventTime, DateTimeOffset now) =>
        Entries.TryGetValue(key, out var entry)
        && !HasExpired(eventTime, entry.LastUpdate)
        && now - eventTime < entry.Delay;

    /// <summary><c>IsInBackOffSinceUpdate</c>: used for image pulls, measured from the last failed pull.</summary>
    public bool IsInBackOffSinceUpdate(string key, DateTimeOffset now) =>
        Entries.TryGetValue(key, out var entry)
        && !HasExpired(now, entry.LastUpdate)
        && now - entry.LastUpdate < entry.Delay;

    /// <summary><c>Next</c>: 10 s for a new or expired entry, else double up to the cap; the update time is now.</summary>
    public BackOffTable Next(string key, DateTimeOffset eventTime, DateTimeOffset now)
    {
        var delay = Entries.TryGetValue(key, out var entry) && !HasExpired(eventTime, entry.LastUpdate)
            ? TimeSpan.FromTicks(Math.Min(entry.Delay.Ticks * 2, MaxDelay.Ticks))
            : InitialDelay;
        return this with { Entries = Entries.SetItem(key, new BackOffEntry(delay, now)) };
    }

    // kubelet.go:823-825: an entry whose last update is more than 10 minutes before the event starts over.
    private static bool HasExpired(DateTimeOffset eventTime, DateTimeOffset lastUpdate) => eventTime - lastUpdate > ResetAfter;
}
