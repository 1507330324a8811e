namespace Tandem.Node.Workers;

internal sealed partial class PodWorker
{
    /// <summary>The sandbox the pod's containers run in now (null before the first or after the last), for port-forward.</summary>
    public string? CurrentSandboxId => _sandboxes.Current?.SandboxId;
}
