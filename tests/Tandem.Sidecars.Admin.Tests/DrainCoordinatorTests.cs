using Tandem.Testing;

namespace Tandem.Sidecars.Admin.Tests;

public sealed class DrainCoordinatorTests
{
    [Fact]
    public void GraceExpires_OnlyAfterTheGracePeriod_CountedFromTheDrainRequest()
    {
        var clock = new ManualTimeProvider();
        using var drain = new DrainCoordinator(TimeSpan.FromSeconds(30), clock, handleSignals: false);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(drain.IsDraining);

        Assert.True(drain.RequestDrain("SIGTERM"));
        Assert.True(drain.Draining.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(drain.GraceExpired.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(drain.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public void SecondDrainRequest_KeepsTheFirstReasonAndDeadline()
    {
        var clock = new ManualTimeProvider();
        using var drain = new DrainCoordinator(TimeSpan.FromSeconds(10), clock, handleSignals: false);
        drain.RequestDrain("SIGTERM");
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.False(drain.RequestDrain("POST /shutdown"));
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal("SIGTERM", drain.Reason);
        Assert.True(drain.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public async Task WaitForDrain_CompletesWhenTheDrainStarts()
    {
        using var drain = new DrainCoordinator(TimeSpan.FromSeconds(1), new ManualTimeProvider(), handleSignals: false);
        var wait = drain.WaitForDrainAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        drain.RequestDrain("test");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForDrain_ThrowsWhenCancelledFirst()
    {
        using var drain = new DrainCoordinator(TimeSpan.FromSeconds(1), new ManualTimeProvider(), handleSignals: false);
        using var cancel = new CancellationTokenSource();
        var wait = drain.WaitForDrainAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
