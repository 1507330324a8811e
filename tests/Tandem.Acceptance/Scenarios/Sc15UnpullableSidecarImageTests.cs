using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-15 with Never.</summary>
public sealed class Sc15UnpullableSidecarImageTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task An_unpullable_sidecar_image_keeps_a_Never_pod_Pending() => Sc15.RunAsync("sc15.yaml");
}
