using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Tandem.Runtime.Runc;

/// <summary>Fans container events out to every watcher; a slow watcher gets its own unbounded queue and never blocks the runtime.</summary>
internal sealed class ContainerEventHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<ContainerEvent>> _subscribers = [];

    public void Publish(ContainerEvent containerEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(containerEvent);
            }
        }
    }

    public async IAsyncEnumerable<ContainerEvent> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        try
        {
            while (true)
            {
                ContainerEvent next;
                try
                {
                    next = await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return next;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
