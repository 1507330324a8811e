using Microsoft.Extensions.Logging;

namespace Tandem.Runtime.Runc;

public sealed partial class RuncSandboxRuntime
{
    /// <summary>The sandbox runtime's log lines, with stable event ids (200s).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Sandbox {SandboxId} of pod {Namespace}/{Pod} is ready (netns {Netns}, holder pid {Pid})")]
        public static partial void Ready(ILogger logger, string sandboxId, string @namespace, string pod, string netns, int pid);

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Sandbox {SandboxId} of pod {Namespace}/{Pod} failed while being created; undoing what was done")]
        public static partial void CreateFailed(ILogger logger, Exception error, string sandboxId, string @namespace, string pod);

        [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Sandbox {SandboxId} of pod {Namespace}/{Pod} removed")]
        public static partial void Removed(ILogger logger, string sandboxId, string @namespace, string pod);

        [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Sandbox {SandboxId} was adopted without its hostPorts: {Error}")]
        public static partial void HostPortLost(ILogger logger, string sandboxId, string error);
    }
}
