using Tandem.Runtime.Runc;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed class RuncVersionTests
{
    [Theory]
    [InlineData("runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1\nspec: 1.0.2-dev", true)]
    [InlineData("runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1\nspec: 1.0.2-dev", false)]
    [InlineData("runc version 1.1.11\ncommit: v1.1.11", false)]
    [InlineData("runc version 1.1.12\ncommit: v1.1.12", true)]
    [InlineData("runc version 1.2.0\ncommit: v1.2.0", true)]
    public void LeakyVesselsCheck_AcceptsOnlyFixedBuilds(string output, bool accepted)
    {
        Assert.Equal(accepted, RuncVersion.CheckLeakyVesselsFix(output) is null);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task InstalledRunc_PassesHostVerification()
    {
        var environment = await Requirements.RequireAsync();

        await environment.Runtime.VerifyHostAsync(CancellationToken.None);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task WorkingDirUnderProcSelfFd_IsRefused()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);

        var error = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Containers.CreateContainerAsync(
            pod.Id, pod.Container("main", "true") with { WorkingDir = "/proc/self/fd/7" }, pod.Config, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.InvalidArgument, error.Code);
    }
}
