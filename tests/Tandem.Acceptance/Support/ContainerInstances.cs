using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Support;

/// <summary>The instances of one container the node published (running, state or lastState), oldest first.</summary>
public static class ContainerInstances
{
    public static IReadOnlyList<ContainerStateTerminated> Finished(IEnumerable<Observation> observations, string container) =>
        [.. observations
            .Select(o => o.Pod.FindContainer(container))
            .SelectMany(s => new[] { s?.State?.Terminated, s?.LastState?.Terminated })
            .OfType<ContainerStateTerminated>()
            .Where(t => t.StartedAt is not null && t.FinishedAt is not null)
            .DistinctBy(t => t.StartedAt!.Value.ToUnixTimeMilliseconds())
            .OrderBy(t => t.StartedAt)];

    /// <summary>
    /// gap(n) = startedAt(instance n+1) − finishedAt(instance n), 1-based, for every finished instance whose successor
    /// was seen (running or finished).
    /// </summary>
    public static IReadOnlyList<TimeSpan> Gaps(IReadOnlyList<Observation> observations, string container)
    {
        var finished = Finished(observations, container);
        var starts = observations
            .Select(o => o.Pod.FindContainer(container)?.State?.Running?.StartedAt)
            .Concat(finished.Select(t => t.StartedAt))
            .OfType<DateTimeOffset>()
            .DistinctBy(t => t.ToUnixTimeMilliseconds())
            .Order()
            .ToList();
        var gaps = new List<TimeSpan>();
        foreach (var instance in finished)
        {
            var next = starts.FirstOrDefault(s => s > instance.FinishedAt!.Value);
            if (next == default)
            {
                break;
            }
            gaps.Add(next - instance.FinishedAt!.Value);
        }
        return gaps;
    }
}
