using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-38 (c): an exec readiness probe that times out counts as a failure.</summary>
public sealed class Sc38ReadinessTimeoutTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_whose_readiness_probe_times_out_is_never_ready() => Sc38.NeverReadyAsync("sc38c.yaml");
}
