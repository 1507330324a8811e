using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-23 with Always.</summary>
public sealed class Sc23SidecarStartupProbeFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_failing_its_startup_probe_restarts_and_blocks_the_next_container() => Sc23.RunAsync("sc23.yaml");
}
