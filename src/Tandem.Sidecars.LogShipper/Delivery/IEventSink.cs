using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>Where readers hand events; waits (back-pressure) while the in-memory budget is used up.</summary>
public interface IEventSink
{
    ValueTask WriteAsync(List<LogEvent> events, CancellationToken cancellationToken);
}
