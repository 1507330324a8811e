using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-07 (a): the termination grace period is honoured; a container that ignores SIGTERM is killed at 30 s.</summary>
public sealed class Sc07GracePeriodTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_container_that_ignores_SIGTERM_is_killed_at_the_grace_period() => Sc07.RunAsync("sc07a.yaml", 30);
}
