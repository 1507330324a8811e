using Tandem.Runtime.Images;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>The runc driver, assembled: one state root, one image store, sandboxes and containers that share them.</summary>
public sealed class RuncRuntime
{
    public RuncRuntime(RuncRuntimeOptions options, IProcessRunner? runner = null, TimeProvider? time = null)
    {
        runner ??= ProcessRunner.Instance;
        time ??= TimeProvider.System;
        var layout = new StateLayout(options);
        Directory.CreateDirectory(layout.Root);
        // Containers' init processes are re-parented here when runc create exits, so their exit status is ours.
        LinuxNative.BecomeChildSubreaper();
        var runc = new RuncCli(options, layout, runner);
        var containerRecords = new ContainerRecords(layout);
        var sandboxRecords = new SandboxRecords(layout);
        Images = new ImageStore(options, runner, containerRecords.UsingImage);
        Containers = new RuncContainerRuntime(layout, runc, Images, sandboxRecords, containerRecords, time);
        Sandboxes = new RuncSandboxRuntime(layout, runc, new NetworkNamespaces(options, runner), sandboxRecords, Containers, time);
        Layout = layout;
    }

    public ImageStore Images { get; }

    public RuncContainerRuntime Containers { get; }

    public RuncSandboxRuntime Sandboxes { get; }

    public StateLayout Layout { get; }
}
