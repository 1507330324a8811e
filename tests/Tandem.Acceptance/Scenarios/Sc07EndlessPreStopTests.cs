using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-07 (b): an endless preStop runs the whole grace period, then the container gets 2 s more (about 32 s).</summary>
public sealed class Sc07EndlessPreStopTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task An_endless_preStop_uses_the_grace_period_then_the_container_gets_two_seconds() => Sc07.RunAsync("sc07b.yaml", 32);
}
