using System.Net;
using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.LogShipper.Buffering;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Delivery;
using Tandem.Sidecars.LogShipper.Inputs;
using Tandem.Sidecars.LogShipper.Outputs;
using Tandem.Sidecars.LogShipper.Processing;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper;

/// <summary>
/// The log shipper: inputs read into a bounded queue, one delivery loop sends batches to every
/// output and checkpoints what they acknowledged. Stops on drain (SIGTERM, SIGINT, <c>POST
/// /shutdown</c>): reads every file to its end, delivers, checkpoints, and returns before the grace
/// period ends; what is still unacknowledged then is re-sent by the next start.
/// </summary>
public sealed partial class Shipper
{
    /// <summary>Runs until drained; returns 0 when everything read was delivered, 1 when the grace period cut delivery short.</summary>
    public static async Task<int> RunAsync(ShipperConfig config, DrainCoordinator drain, ILoggerFactory loggers, TimeProvider time, Stream? stdin = null, Action<AdminServer>? adminStarted = null)
    {
        var log = loggers.CreateLogger<Shipper>();
        Directory.CreateDirectory(config.DataDir);
        var pod = PodInfo.Resolve(config.Pod, Environment.GetEnvironmentVariable);
        using var metrics = new ShipperMetrics();
        var ledger = new CheckpointLedger(new CheckpointStore(config.DataDir));
        var queue = new EventQueue(new ByteBudget(config.Buffer.MaxBytes.Bytes));
        using var diskBuffer = config.Buffer.Type == BufferType.Disk
            ? new DiskBuffer(Path.Combine(config.DataDir, "buffer"), config.Buffer.MaxDiskBytes.Bytes, config.Buffer.WhenFull)
            : null;
        metrics.Observe(() => queue.Budget.Used, ledger.Lag, diskBuffer is null ? null : () => diskBuffer.Bytes);
        var outputs = OutputFactory.Create(config.Outputs, pod);
        var readiness = new ReadinessLatch();
        AdminServer? admin = null;
        try
        {
            if (config.Admin.Enabled)
            {
                var options = new AdminOptions { Address = IPAddress.Parse(config.Admin.Address), Port = config.Admin.Port };
                admin = await AdminServer.StartAsync(options, metrics.Meter, readiness, drain, loggers, drain.GraceExpired).ConfigureAwait(false);
                adminStarted?.Invoke(admin);
            }
            var abort = drain.GraceExpired;
            var sender = new BatchSender(outputs, config.Retry, metrics, time, loggers.CreateLogger<BatchSender>());
            using var checkpoints = new CheckpointWriter(ledger, metrics, loggers.CreateLogger<CheckpointWriter>());
            var acknowledger = new SourceAcknowledger(ledger, queue.Budget, checkpoints);
            var delivery = diskBuffer is null
                ? Task.Run(() => new DeliveryLoop(queue, config.Batch, sender, acknowledger, time).RunAsync(abort), abort)
                : Task.WhenAll(
                    Task.Run(() => new BufferIntake(queue, config.Batch, diskBuffer, acknowledger, metrics, time).RunAsync(abort), abort),
                    Task.Run(() => new BufferedDeliveryLoop(diskBuffer, sender).RunAsync(abort), abort));
            var tailers = new List<FileTailer>();
            var readers = new List<Task>();
            for (var i = 0; i < config.Inputs.Count; i++)
            {
                var input = config.Inputs[i];
                var processor = new EventProcessor(input, config.Filters);
                if (input.Type == InputType.File)
                {
                    var tailer = new FileTailer(input, ledger, queue, processor, metrics, time, loggers.CreateLogger<FileTailer>());
                    tailers.Add(tailer);
                    readers.Add(Task.Run(() => tailer.RunAsync(drain.Draining, abort), abort));
                }
                else
                {
                    var reader = new StdinReader(input, stdin ?? Console.OpenStandardInput(), queue, processor, metrics, time);
                    readers.Add(Task.Run(() => reader.RunAsync(drain.Draining, abort), abort));
                }
            }
            readiness.SetReady();
            Log.Started(log, config.Inputs.Count, config.Outputs.Count, config.DataDir);
            var complete = true;
            try
            {
                await Task.WhenAll(readers).ConfigureAwait(false);
                queue.Complete();
                await delivery.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                complete = false;
                Log.GraceExpired(log, drain.Grace.TotalSeconds, queue.Budget.Used);
            }
            finally
            {
                foreach (var tailer in tailers)
                {
                    tailer.Dispose();
                }
            }
            if (complete)
            {
                Log.Stopped(log);
            }
            return complete ? 0 : 1;
        }
        finally
        {
            readiness.SetNotReady("stopped");
            foreach (var output in outputs)
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
            if (admin is not null)
            {
                await admin.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "shipping: {Inputs} input(s), {Outputs} output(s), checkpoints in {DataDir}")]
        public static partial void Started(ILogger logger, int inputs, int outputs, string dataDir);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "drained: everything read was delivered and checkpointed")]
        public static partial void Stopped(ILogger logger);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "the {Grace} s grace period ended with {Bytes} bytes unacknowledged; they will be re-sent at the next start")]
        public static partial void GraceExpired(ILogger logger, double grace, long bytes);
    }
}
