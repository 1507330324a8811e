using Tandem.Runtime;

namespace Tandem.Node.Lifecycle;

/// <summary>The pod-level restart rules (R15): <c>ShouldContainerBeRestarted</c> and <c>shouldRestartOnFailure</c>.</summary>
public static class RestartRules
{
    /// <summary>
    /// <c>ShouldContainerBeRestarted</c> (container/helpers.go:76-112): never once the pod is being deleted; always
    /// for a container never created, Created or Unknown; else by the pod's policy and the exit code. The kubelet
    /// applies this pod-level rule to sidecars too when it renders status (the R31 quirk).
    /// </summary>
    public static bool ShouldContainerBeRestarted(PodSnapshot snapshot, string name)
    {
        if (snapshot.DeletionRequested)
        {
            return false;
        }
        var latest = snapshot.Latest(name);
        if (latest is null)
        {
            return true;
        }
        return latest.State switch
        {
            ContainerState.Running => false,
            ContainerState.Unknown or ContainerState.Created => true,
            _ => snapshot.RestartPolicy switch
            {
                "Never" => false,
                "OnFailure" => latest.ExitCode != 0,
                _ => true,
            },
        };
    }

    /// <summary><c>shouldRestartOnFailure</c>: every policy but <c>Never</c>.</summary>
    public static bool RestartOnFailure(PodSnapshot snapshot) => snapshot.RestartPolicy != "Never";
}
