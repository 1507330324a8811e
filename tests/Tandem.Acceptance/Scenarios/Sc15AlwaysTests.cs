using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-15 with Always.</summary>
public sealed class Sc15AlwaysTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task An_unpullable_sidecar_image_keeps_an_Always_pod_Pending() => Sc15.RunAsync("sc15-always.yaml");
}
