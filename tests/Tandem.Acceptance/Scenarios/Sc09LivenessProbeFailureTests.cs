using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-09: a failed liveness probe runs preStop, then kills the container; Never means no restart.</summary>
public sealed class Sc09LivenessProbeFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failed_liveness_probe_runs_preStop_then_kills_without_restart() => Sc08.RunAsync("sc09.yaml", "liveness", 0);
}
