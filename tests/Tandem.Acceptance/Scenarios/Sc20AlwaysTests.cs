using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-20 with Always.</summary>
public sealed class Sc20AlwaysTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failing_init_container_before_a_sidecar_keeps_an_Always_pod_Pending() => Sc20.RunAsync("sc20-always.yaml");
}
