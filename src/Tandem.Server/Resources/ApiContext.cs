using Microsoft.Extensions.Logging;
using Tandem.Node;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>What every endpoint shares: the store, the node, the clock and the limits.</summary>
internal sealed record ApiContext(ApiServerOptions Options, ResourceStore Store, Kubelet Kubelet, KubeletBridge Bridge, ILoggerFactory Loggers)
{
    public TimeProvider Time => Options.Time;

    /// <summary>Now, to the second: the API's timestamps have second precision (metav1.Time).</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Options.Time.GetUtcNow();
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }
}
