using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-08: a failed startup probe runs preStop, then kills the container; Never means no restart.</summary>
public sealed class Sc08StartupProbeFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failed_startup_probe_runs_preStop_then_kills_without_restart() => Sc08.RunAsync("sc08.yaml", "startup", 0);
}
