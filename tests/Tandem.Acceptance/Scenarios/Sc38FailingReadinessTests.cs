using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-38 (b): a readiness probe that fails: never ready, never restarted.</summary>
public sealed class Sc38FailingReadinessTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_with_a_failing_readiness_probe_is_never_ready() => Sc38.NeverReadyAsync("sc38b.yaml");
}
