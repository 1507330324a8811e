using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed class ContainerLifecycleTests
{
    [PrerequisiteFact(Requirements.Root, Requirements.Runc, Requirements.Skopeo, Requirements.Umoci, Requirements.Registry, Requirements.Ip, Requirements.Busybox)]
    public async Task Container_ThatExits_RecordsExitCodeAndLogs()
    {
        Prerequisites.Require(Requirements.Root, Requirements.Runc, Requirements.Skopeo, Requirements.Umoci, Requirements.Registry, Requirements.Ip, Requirements.Busybox);
        var environment = await RuntimeEnvironment.GetAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "echo hello; echo oops >&2; exit 3");

        var id = await pod.RunAsync(config);
        var status = await pod.WaitForExitAsync(id);

        Assert.Equal(3, status.ExitCode);
        Assert.Equal("Error", status.Reason);
        var lines = await Pod.LogLinesAsync(config.LogPath);
        Assert.Contains("hello", lines);
        Assert.Contains("oops", lines);
    }
}
