namespace Tandem.Node.Lifecycle;

/// <summary>Why a single container is killed (kuberuntime <c>containerKillReason</c>); probe reasons select the probe's grace (R16).</summary>
public enum KillReason
{
    StartupProbe,
    LivenessProbe,
    DefinitionChanged,
    UnknownState,
    FailedPostStartHook,
}
