namespace Tandem.Sidecars.Proxy.Resilience;

/// <summary>
/// Caps retries to a share of traffic, like Finagle's and Linkerd's retry budgets: every request
/// deposits <c>percent/100</c> of a token, every retry spends one. A small reserve lets a quiet
/// route still retry its first failures; a failing busy route cannot multiply its load by more
/// than the budget.
/// </summary>
internal sealed class RetryBudget
{
    private const double Reserve = 10;
    private readonly double _deposit;
    private readonly double _cap;
    private readonly Lock _gate = new();
    private double _tokens = Reserve;

    public RetryBudget(int percent)
    {
        _deposit = percent / 100.0;
        // Enough headroom for a burst of retries after a long healthy stretch, but bounded.
        _cap = Reserve + 100 * _deposit;
    }

    public void RecordRequest()
    {
        lock (_gate)
        {
            _tokens = Math.Min(_cap, _tokens + _deposit);
        }
    }

    public bool TryWithdraw()
    {
        lock (_gate)
        {
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
