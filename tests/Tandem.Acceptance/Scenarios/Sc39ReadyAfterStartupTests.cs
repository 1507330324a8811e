using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-39 (d): once the startup probe succeeds, main is created at once and readiness is probed at once (R21).</summary>
public sealed class Sc39ReadyAfterStartupTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task The_sidecar_is_ready_soon_after_its_startup_probe_succeeds()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc39d.yaml");

        var ready = await node.WaitForAsync(p => p.Condition("Ready")?.Status == "True", TimeSpan.FromSeconds(120), "Ready=True");

        var started = await node.WaitForAsync(p => p.FindContainer("sidecar")?.Started == true, TimeSpan.Zero, "sidecar started");
        var mainCreated = await node.WaitForAsync(p => p.FindContainer("main") is { State.Waiting: null }, TimeSpan.Zero, "main created");
        Timing.AtMost(mainCreated.At - started.At, Timing.UpperSlack, "main created after the sidecar started");
        var sidecarReady = await node.WaitForAsync(p => p.FindContainer("sidecar")?.Ready == true, TimeSpan.Zero, "sidecar ready");
        Timing.AtMost(sidecarReady.At - started.At, Timing.Seconds(25), "sidecar ready after it started");
        Assert.True(ready.At >= sidecarReady.At);
        await node.FinishAsync();
    }
}
