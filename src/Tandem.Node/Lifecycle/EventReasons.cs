namespace Tandem.Node.Lifecycle;

/// <summary>The event reasons of the kubelet (<c>pkg/kubelet/events/event.go</c>) that the pure parts emit.</summary>
public static class EventReasons
{
    public const string Killing = "Killing";
    public const string BackOff = "BackOff";
    public const string Unhealthy = "Unhealthy";
    public const string FailedPostStartHook = "FailedPostStartHook";
    public const string FailedPreStopHook = "FailedPreStopHook";
}
