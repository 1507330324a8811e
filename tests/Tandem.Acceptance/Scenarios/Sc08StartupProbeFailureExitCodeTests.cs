using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-08 variant: with EXIT_CODE=1 the pod ends Failed.</summary>
public sealed class Sc08StartupProbeFailureExitCodeTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failed_startup_probe_with_a_failing_TERM_handler_fails_the_pod() => Sc08.RunAsync("sc08-exit1.yaml", "startup", 1);
}
