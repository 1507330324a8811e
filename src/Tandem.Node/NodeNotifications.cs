using System.Threading.Channels;
using Tandem.Model.CoreV1;

namespace Tandem.Node;

/// <summary>
/// What the node tells its observers (the CLI's <c>tandem run</c>, the API server's watches): a pod's status changed,
/// a container instance started (with its log file), an event was recorded, a pod was removed. Each subscriber gets
/// its own unbounded queue, in order.
/// </summary>
public sealed class NodeNotifications
{
    private readonly Lock _gate = new();
    private readonly List<Channel<NodeNotification>> _subscribers = [];

    public ChannelReader<NodeNotification> Subscribe()
    {
        var channel = Channel.CreateUnbounded<NodeNotification>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return channel.Reader;
    }

    public void Publish(NodeNotification notification)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(notification);
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
        }
    }
}

/// <summary>One thing the node tells its observers.</summary>
public abstract record NodeNotification;

/// <summary>A pod's published status changed (or it was applied); <see cref="Pod"/> is the whole object.</summary>
public sealed record PodChanged(Pod Pod) : NodeNotification;

/// <summary>A pod is gone from the node: deleted and terminated.</summary>
public sealed record PodRemoved(Pod Pod) : NodeNotification;

/// <summary>A container instance started; its CRI log is at <see cref="LogPath"/>.</summary>
public sealed record ContainerStarted(Pod Pod, string Container, string ContainerId, int RestartCount, string LogPath) : NodeNotification;

/// <summary>The node recorded an event (or counted a repeat of one).</summary>
public sealed record EventRecorded(Event Event) : NodeNotification;
