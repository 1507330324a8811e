using System.Threading.Channels;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>The hand-over from readers to delivery: a channel whose content is bounded by a <see cref="ByteBudget"/>.</summary>
public sealed class EventQueue(ByteBudget budget) : IEventSink
{
    private readonly Channel<LogEvent> _channel = Channel.CreateUnbounded<LogEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<LogEvent> Reader => _channel.Reader;

    public ByteBudget Budget => budget;

    public async ValueTask WriteAsync(List<LogEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        long total = 0;
        foreach (var e in events)
        {
            total += e.BudgetBytes;
        }
        await budget.AcquireAsync(total, cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            _channel.Writer.TryWrite(e);
        }
    }

    /// <summary>Readers are done (drain): delivery ends once the queue is empty.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
