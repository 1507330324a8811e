using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-40 (b): with OnFailure the regular container restarts with back-off and the sidecar keeps running.</summary>
public sealed class Sc40OnFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_failing_regular_container_restarts_in_an_OnFailure_pod() => Sc40.OnFailureAsync();
}
