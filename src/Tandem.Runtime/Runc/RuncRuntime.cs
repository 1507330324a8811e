using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Runtime.Images;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>The runc driver, assembled: one state root, one image store, sandboxes and containers that share them.</summary>
public sealed class RuncRuntime
{
    private readonly RuncRuntimeOptions _options;
    private readonly IProcessRunner _runner;

    public RuncRuntime(RuncRuntimeOptions options, IProcessRunner? runner = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        _options = options;
        _runner = runner ?? ProcessRunner.Instance;
        time ??= TimeProvider.System;
        Layout = new StateLayout(options);
        Directory.CreateDirectory(Layout.Root);
        // Containers' init processes are re-parented here when runc create exits, so their exit status is ours.
        LinuxNative.BecomeChildSubreaper();
        var runc = new RuncCli(options, Layout, _runner);
        var containerRecords = new ContainerRecords(Layout);
        var sandboxRecords = new SandboxRecords(Layout);
        Images = new ImageStore(options, _runner, containerRecords.UsingImage, loggers.CreateLogger<ImageStore>());
        Containers = new RuncContainerRuntime(Layout, runc, Images, sandboxRecords, containerRecords, time, loggers.CreateLogger<RuncContainerRuntime>());
        Sandboxes = new RuncSandboxRuntime(Layout, runc, new NetworkNamespaces(), sandboxRecords, Containers, time, loggers.CreateLogger<RuncSandboxRuntime>());
    }

    public ImageStore Images { get; }

    public RuncContainerRuntime Containers { get; }

    public RuncSandboxRuntime Sandboxes { get; }

    public StateLayout Layout { get; }

    /// <summary>Checks the host before the node starts: runc present and patched against CVE-2024-21626.</summary>
    public async Task VerifyHostAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(new ProcessSpec(_options.RuncPath, ["--version"]), cancellationToken).ConfigureAwait(false);
        var problem = result.ExitCode != 0 ? $"runc --version failed: {result.Stderr.Trim()}" : RuncVersion.CheckLeakyVesselsFix(result.Stdout);
        if (problem is not null)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, problem);
        }
    }
}
