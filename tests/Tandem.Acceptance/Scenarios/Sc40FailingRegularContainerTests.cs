using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-40 (a): a failing regular container in a Never pod ends the pod as Failed and terminates the sidecar.</summary>
public sealed class Sc40FailingRegularContainerTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failing_regular_container_fails_a_Never_pod_after_the_sidecar_exits() => Sc40.NeverAsync();
}
