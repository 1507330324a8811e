using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Delivery;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>Reads lines from standard input until it ends. Nothing to checkpoint: a pipe cannot be re-read.</summary>
public sealed class StdinReader(InputConfig input, Stream stdin, IEventSink sink, EventProcessor processor, ShipperMetrics metrics, TimeProvider time)
{
    public async Task RunAsync(CancellationToken drain, CancellationToken abort)
    {
        var splitter = new LineSplitter((int)input.MaxLineBytes.Bytes);
        var cri = input.Format == LineFormat.Cri ? new CriDecoder((int)input.MaxLineBytes.Bytes) : null;
        var multiline = input.Multiline is { } m ? new MultilineJoiner(m) : null;
        var buffer = new byte[64 << 10];
        var lines = new List<RawLine>();
        var decoded = new List<RawLine>();
        long offset = 0;
        while (!drain.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await stdin.ReadAsync(buffer, drain).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
                break;
            }
            lines.Clear();
            if (n > 0)
            {
                splitter.Feed(buffer.AsSpan(0, n), offset, lines);
                offset += n;
            }
            decoded.Clear();
            foreach (var line in lines)
            {
                if (cri is null)
                {
                    decoded.Add(line);
                }
                else
                {
                    cri.Push(line, decoded);
                }
            }
            var assembled = decoded;
            if (multiline is not null)
            {
                assembled = [];
                foreach (var line in decoded)
                {
                    multiline.Push(line, time.GetTimestamp(), assembled);
                }
                multiline.Flush(time, force: n == 0, assembled);
            }
            var events = new List<LogEvent>(assembled.Count);
            foreach (var line in assembled)
            {
                events.Add(processor.Process(line, "stdin", null, time.GetUtcNow()));
                metrics.BytesRead.Add(line.Bytes.Length);
            }
            metrics.LinesRead.Add(events.Count);
            await sink.WriteAsync(events, abort).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }
        }
    }
}
