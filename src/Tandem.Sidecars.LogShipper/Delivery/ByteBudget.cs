namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// Bounds the bytes held between reading and acknowledgement. Readers wait here when it is
/// exhausted, so a slow or down sink holds the reader back (the data waits in the log files)
/// instead of growing memory. One request larger than the whole budget is let through alone,
/// so an oversized event cannot deadlock the shipper.
/// </summary>
public sealed class ByteBudget(long capacity)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _used;

    public long Capacity => capacity;

    public long Used
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_used == 0 || _used + bytes <= capacity)
                {
                    _used += bytes;
                    return;
                }
                wait = _released.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            _used -= bytes;
            released = _released;
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        released.TrySetResult();
    }
}
