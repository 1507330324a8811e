using Tandem.Runtime;
using Tandem.Runtime.Runc;
using Tandem.Testing;

namespace Tandem.Cli.Tests.Images;

public sealed class ImageInUseTests
{
    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox", "cmd:runc", "cmd:ip")]
    public async Task Remove_ImageAContainerUses_FailsWithExit1_NamingTheContainer_AndKeepsTheImage()
    {
        Prerequisites.Require("cmd:runc", "cmd:ip");
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();
        Assert.Equal(0, (await ImageCli.Run(state, "import", Path.Combine(environment.Built, "busybox-oci.tar"), "--name", "busybox:1.36")).Exit);
        // A real container in the same state dir: created by the runtime tandem run uses, not started.
        var runtime = new RuncRuntime(new RuncRuntimeOptions { StateRoot = state, HostPrefix = "tc" + Guid.NewGuid().ToString("N")[..6], DockerConfigPath = null });
        ChildSubreaper.Clear();
        var pod = new PodSandboxConfig { Name = "in-use", Namespace = "default", Uid = Guid.NewGuid().ToString(), Hostname = "in-use", LogDirectory = Path.Combine(state, "logs") };
        var sandbox = await runtime.Sandboxes.RunPodSandboxAsync(pod, CancellationToken.None);
        try
        {
            var container = new ContainerConfig { Name = "holder", Image = "busybox:1.36", Command = ["sleep", "60"], LogPath = Path.Combine(state, "logs", "holder.log") };
            await runtime.Containers.CreateContainerAsync(sandbox, container, pod, CancellationToken.None);

            var removed = await ImageCli.Run(state, "rm", "busybox:1.36");
            var listed = await ImageCli.Run(state, "ls");

            Assert.Equal(1, removed.Exit);
            Assert.StartsWith("tandem image rm: image \"busybox:1.36\" is used by container \"holder\" (", removed.Error);
            Assert.Contains("docker.io/library/busybox   1.36", listed.Output);
        }
        finally
        {
            await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);
        }
    }
}
