using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Fans container events out to every watcher. A watcher is registered when it calls
/// <see cref="Subscribe"/>, not when it first reads, so no event between the call and the first
/// read is lost; each watcher has its own unbounded queue and never blocks the runtime.
/// </summary>
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

    public IAsyncEnumerable<ContainerEvent> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
            channel.Writer.TryComplete();
        });
        return ReadAsync(channel, cancellationToken);
    }

    private static async IAsyncEnumerable<ContainerEvent> ReadAsync(Channel<ContainerEvent> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var next))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }
                yield return next;
            }
        }
    }
}
