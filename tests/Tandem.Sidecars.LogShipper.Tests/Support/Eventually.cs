namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>Waits for a condition with a deadline, instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(20);
        }
        return condition();
    }

    public static async Task AssertAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        if (!await WaitAsync(condition, timeout))
        {
            Assert.Fail($"not reached within {timeout.TotalSeconds} s: {describe()}");
        }
    }
}
