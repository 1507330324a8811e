namespace Tandem.Node.Lifecycle;

/// <summary>One back-off key's current delay and when it was last moved on (client-go <c>backoffEntry</c>).</summary>
public sealed record BackOffEntry(TimeSpan Delay, DateTimeOffset LastUpdate);
