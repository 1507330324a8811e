using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-20 with OnFailure.</summary>
public sealed class Sc20OnFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failing_init_container_before_a_sidecar_keeps_an_OnFailure_pod_Pending() => Sc20.RunAsync("sc20-onfailure.yaml");
}
