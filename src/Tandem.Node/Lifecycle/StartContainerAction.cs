using Tandem.Model.CoreV1;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// Start a container: pull its image, create it with <see cref="RestartCount"/> as its attempt (R30), start it, then
/// run postStart synchronously (R7). If this step fails and <see cref="AbortSyncOnFailure"/> is set (a regular init
/// container, R7b), the executor ends the sync; otherwise it goes on with the next step.
/// </summary>
public sealed record StartContainerAction(
    string Name,
    ContainerKind Kind,
    int SpecIndex,
    Container Spec,
    int RestartCount,
    bool AbortSyncOnFailure) : PodAction
{
    /// <summary>
    /// R7a: the step is not over until postStart returned; the next step waits for it and the container is reported
    /// as waiting until then, so publish no status with this instance before the hook finished.
    /// </summary>
    public bool RunsPostStart => Spec.Lifecycle?.PostStart is not null;
}
