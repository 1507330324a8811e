using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-13 (Never): a sidecar that runs forever does not block completion.</summary>
public sealed class Sc13SidecarDoesNotBlockCompletionTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_that_runs_forever_does_not_block_completion_with_Never() => Sc13.RunAsync("sc13.yaml");
}
