namespace Tandem.Runtime.Runc;

/// <summary>What <see cref="RuncRuntime.RecoverAsync"/> took over.</summary>
/// <param name="Sandboxes">Ready sandboxes found (their hostPorts served again).</param>
/// <param name="RunningContainers">Containers still running, now watched and logged by this process.</param>
/// <param name="ExitedWhileDown">Containers that exited while no process watched them (recorded as <c>ContainerStatusUnknown</c>).</param>
public sealed record RecoveryResult(int Sandboxes, int RunningContainers, int ExitedWhileDown);
