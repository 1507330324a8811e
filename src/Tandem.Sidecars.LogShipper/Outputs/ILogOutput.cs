using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>A sink. <see cref="SendAsync"/> returns Delivered only once the sink has the whole batch.</summary>
public interface ILogOutput : IAsyncDisposable
{
    /// <summary>For logs and metrics: <c>outputs[0] (http)</c>.</summary>
    string Name { get; }

    Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken);
}
