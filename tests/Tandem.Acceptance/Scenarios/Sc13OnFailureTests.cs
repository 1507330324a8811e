using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-13 repeated with OnFailure.</summary>
public sealed class Sc13OnFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public Task A_sidecar_that_runs_forever_does_not_block_completion_with_OnFailure() => Sc13.RunAsync("sc13-onfailure.yaml");
}
