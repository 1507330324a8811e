using Microsoft.Extensions.Logging;

namespace Tandem.Runtime.Runc;

public sealed partial class RuncContainerRuntime
{
    /// <summary>The container runtime's log lines, with stable event ids (300s).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Started container {ContainerName} ({ContainerId}) of sandbox {SandboxId}, pid {Pid}")]
        public static partial void Started(ILogger logger, string containerName, string containerId, string sandboxId, int pid);

        [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Container {ContainerName} ({ContainerId}) exited with {ExitCode} ({Reason})")]
        public static partial void Exited(ILogger logger, string containerName, string containerId, int exitCode, string reason);

        [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Container {ContainerName} ({ContainerId}) could not start: {Error}")]
        public static partial void StartFailed(ILogger logger, string containerName, string containerId, string error);

        [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Exec in container {ContainerId} timed out after {Timeout}")]
        public static partial void ExecTimedOut(ILogger logger, string containerId, TimeSpan timeout);

        [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "runc delete of container {ContainerId} failed after its exit; removal will retry: {Error}")]
        public static partial void DeleteAfterExitFailed(ILogger logger, string containerId, string error);

        [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Adopted running container {ContainerName} ({ContainerId}) of sandbox {SandboxId}, pid {Pid}")]
        public static partial void Adopted(ILogger logger, string containerName, string containerId, string sandboxId, int pid);

        [LoggerMessage(EventId = 307, Level = LogLevel.Warning, Message = "Adopted container {ContainerName} ({ContainerId}) without its output; its log stops here: {Error}")]
        public static partial void AdoptWithoutOutput(ILogger logger, string containerName, string containerId, string error);
    }
}
