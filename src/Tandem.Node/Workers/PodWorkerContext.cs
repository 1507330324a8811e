using Microsoft.Extensions.Logging;
using Tandem.Node.Containers;
using Tandem.Node.Events;
using Tandem.Node.Handlers;
using Tandem.Node.Images;
using Tandem.Node.Store;
using Tandem.Node.Volumes;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>What every pod worker of a node shares: the runtime, the node's services, the store and the clock.</summary>
internal sealed record PodWorkerContext(
    NodeOptions Options,
    ISandboxRuntime Sandboxes,
    IContainerRuntime Containers,
    ImagePuller Images,
    VolumeManager Volumes,
    ISubPathMounter SubPaths,
    ContainerConfigFactory Configs,
    HandlerRunner Handlers,
    EventRecorder Events,
    ObjectStore Store,
    NodeNotifications Notifications,
    TimeProvider Time,
    ILogger Logger);
