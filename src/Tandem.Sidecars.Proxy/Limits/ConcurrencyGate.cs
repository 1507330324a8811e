namespace Tandem.Sidecars.Proxy.Limits;

/// <summary>
/// Counts requests in flight to the app and refuses beyond the cap without queueing: a fast 503
/// lets the client retry elsewhere, while a queue would only add latency to an app already full.
/// </summary>
internal sealed class ConcurrencyGate
{
    private int _current;

    public int Current => Volatile.Read(ref _current);

    public bool TryEnter(int max)
    {
        if (Interlocked.Increment(ref _current) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref _current);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _current);
}
