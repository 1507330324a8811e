using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-23 with Never: the sidecar restarts regardless of the pod's policy (R12, issue #120234).</summary>
public sealed class Sc23NeverTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_failing_its_startup_probe_restarts_even_in_a_Never_pod() => Sc23.RunAsync("sc23-never.yaml");
}
