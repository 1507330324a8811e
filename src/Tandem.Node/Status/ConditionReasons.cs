namespace Tandem.Node.Status;

/// <summary>Condition reasons of <c>pkg/kubelet/status/generate.go</c>.</summary>
public static class ConditionReasons
{
    public const string PodCompleted = "PodCompleted";
    public const string PodFailed = "PodFailed";
    public const string ContainersNotReady = "ContainersNotReady";
    public const string ContainersNotInitialized = "ContainersNotInitialized";
    public const string ReadinessGatesNotReady = "ReadinessGatesNotReady";
}
