using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>Runs the shipper inside the test process; stopping it is the SIGTERM path (drain).</summary>
public sealed class InProcessShipper : IAsyncDisposable
{
    private readonly DrainCoordinator _drain;
    private readonly Task<int> _run;
    private readonly TaskCompletionSource<AdminServer> _admin = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory _loggers;

    private InProcessShipper(ShipperConfig config, Stream? stdin)
    {
        _drain = new DrainCoordinator(config.ShutdownTimeout, TimeProvider.System, handleSignals: false);
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        _run = Task.Run(() => Shipper.RunAsync(config, _drain, _loggers, TimeProvider.System, stdin, a => _admin.TrySetResult(a)));
    }

    public Task<int> Completion => _run;

    public static InProcessShipper Start(string yaml, Stream? stdin = null) => new(ShipperConfigLoader.Parse(yaml), stdin);

    public Task<AdminServer> Admin => _admin.Task;

    /// <summary>Drains (read to the end, deliver, checkpoint) and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        _drain.RequestDrain("test");
        return await _run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }
        _drain.Dispose();
        _loggers.Dispose();
    }
}
