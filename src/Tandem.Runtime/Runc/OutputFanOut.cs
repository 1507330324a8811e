using System.Threading.Channels;

namespace Tandem.Runtime.Runc;

/// <summary>
/// A container's live output for its attachers: every chunk the log pump reads is offered to each attacher's
/// own bounded queue. Offering never waits: an attacher that falls a queue behind loses its oldest chunks
/// rather than slow the container or its log (the log file keeps everything).
/// </summary>
internal sealed class OutputFanOut
{
    /// <summary>Chunks (up to 32 KiB each) one attacher may lag behind.</summary>
    private const int QueueChunks = 256;

    private readonly Lock _gate = new();
    private readonly List<Channel<OutputChunk>> _subscribers = [];
    private bool _completed;

    public void Publish(bool stderr, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }
            var chunk = new OutputChunk(stderr, data.ToArray());
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(chunk);
            }
        }
    }

    /// <summary>Output from now on; the reader ends when the container's output ends or <see cref="Unsubscribe"/> is called.</summary>
    public ChannelReader<OutputChunk> Subscribe()
    {
        var channel = Channel.CreateBounded<OutputChunk>(new BoundedChannelOptions(QueueChunks)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<OutputChunk> reader)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(c => c.Reader == reader);
        }
    }

    /// <summary>The container's output ended (it exited and the pipes drained, or this process detached).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
            _subscribers.Clear();
        }
    }
}

