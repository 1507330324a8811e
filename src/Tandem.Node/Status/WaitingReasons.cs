namespace Tandem.Node.Status;

/// <summary>The waiting and terminated reasons the kubelet itself writes (R28, R29, T7).</summary>
public static class WaitingReasons
{
    public const string PodInitializing = "PodInitializing";
    public const string ContainerCreating = "ContainerCreating";
    public const string ContainerStatusUnknown = "ContainerStatusUnknown";

    /// <summary>The exit code the kubelet reports for a container it could not find (§2).</summary>
    public const int UnknownExitCode = 137;
}
