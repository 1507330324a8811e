namespace Tandem.Server.Tests.Support;

/// <summary>Runs kubectl and fails the test with everything it printed when it does not exit 0.</summary>
public static class KubectlRun
{
    public static async Task<string> SucceedAsync(this Testing.Kubectl.Kubectl kubectl, params string[] args)
    {
        var result = await kubectl.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result}");
        return result.Stdout;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
