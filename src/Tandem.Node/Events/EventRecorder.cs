using System.Collections.Concurrent;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Events;

/// <summary>
/// Turns the kubelet's <see cref="PodEvent"/>s into core/v1 Events about a pod, the way the kubelet's recorder and
/// the client-go event correlator do: the container goes into <c>involvedObject.fieldPath</c>
/// (<c>spec.containers{main}</c>), and an event that repeats (same object, reason, message, type) updates one Event
/// whose <c>count</c> and <c>lastTimestamp</c> grow instead of a new one. Keeps the newest
/// <see cref="Capacity"/> events; subscribers see every recording.
/// </summary>
public sealed class EventRecorder(string nodeName, TimeProvider time)
{
    public const int Capacity = 1000;

    private readonly ConcurrentDictionary<string, Event> _events = new();
    private readonly ConcurrentQueue<string> _order = new();
    private long _sequence;

    public event Action<Event>? Recorded;

    public IReadOnlyList<Event> List(string? @namespace = null) =>
        [.. _events.Values.Where(e => @namespace is null || e.Metadata?.Namespace == @namespace).OrderBy(e => e.LastTimestamp)];

    public Event Record(Pod pod, PodEvent podEvent)
    {
        var now = time.GetUtcNow();
        var fieldPath = podEvent.Container is null ? null : FieldPathOf(pod, podEvent.Container);
        var key = $"{pod.Metadata?.Uid}|{fieldPath}|{podEvent.Type}|{podEvent.Reason}|{podEvent.Message}";
        var recorded = _events.AddOrUpdate(key,
            _ => New(pod, podEvent, fieldPath, now),
            (_, existing) => existing with { Count = (existing.Count ?? 1) + 1, LastTimestamp = now });
        if (recorded.Count == 1)
        {
            _order.Enqueue(key);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _events.TryRemove(oldest, out _);
            }
        }
        Recorded?.Invoke(recorded);
        return recorded;
    }

    private Event New(Pod pod, PodEvent podEvent, string? fieldPath, DateTimeOffset now)
    {
        var name = pod.Metadata?.Name ?? "";
        // The kubelet names events <object>.<hex unix nanos>; a sequence keeps them unique within one instant.
        var id = (now.ToUnixTimeMilliseconds() * 1_000_000 + Interlocked.Increment(ref _sequence)).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        return new Event
        {
            Metadata = new ObjectMeta { Name = $"{name}.{id}", Namespace = pod.Metadata?.Namespace ?? "default", CreationTimestamp = now, Uid = Guid.NewGuid().ToString() },
            InvolvedObject = new ObjectReference
            {
                Kind = "Pod",
                ApiVersion = "v1",
                Namespace = pod.Metadata?.Namespace ?? "default",
                Name = name,
                Uid = pod.Metadata?.Uid,
                FieldPath = fieldPath,
            },
            Reason = podEvent.Reason,
            Message = podEvent.Message,
            Type = podEvent.Type,
            Source = new EventSource { Component = "kubelet", Host = nodeName },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
            ReportingComponent = "kubelet",
            ReportingInstance = nodeName,
        };
    }

    // The kubelet's ref.GetPartialReference: spec.initContainers{name} or spec.containers{name}.
    private static string FieldPathOf(Pod pod, string container) =>
        (pod.Spec?.InitContainers ?? []).Any(c => c.Name == container) ? $"spec.initContainers{{{container}}}" : $"spec.containers{{{container}}}";
}
