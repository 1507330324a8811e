namespace Tandem.Node.Lifecycle;

/// <summary>
/// The checks a start passes before anything is created: crash-loop back-off (<c>doBackOff</c>, R20) and image
/// pull back-off (R11). Either yields a <see cref="ContainerWait"/> and a <c>BackOff</c> event instead of a start.
/// </summary>
internal static class StartGate
{
    public static ContainerWait? Check(PodSnapshot snapshot, string name, string? image, DateTimeOffset now, ref BackOffTable backOff, List<PodEvent> events)
    {
        var observation = snapshot.Find(name);
        // KM:1483-1497: the event time is the finishedAt of the newest exited instance.
        if (observation?.LatestExited is { FinishedAt: { } finishedAt })
        {
            var key = BackOffTable.RestartKey(name, image);
            if (backOff.IsInBackOffSince(key, finishedAt, now))
            {
                var pod = PodNames.Format(snapshot.Pod);
                events.Add(new PodEvent(PodEvent.Warning, EventReasons.BackOff, $"Back-off restarting failed container {name} in pod {pod}", name));
                var delay = GoDuration.Format(backOff.Get(key));
                return new ContainerWait(name, StartFailureReasons.CrashLoopBackOff, $"back-off {delay} restarting failed container={name} pod={pod}",
                    finishedAt + backOff.Get(key));
            }
            // Not in back-off: the restart goes ahead and moves the back-off on (first restart immediate, then 10 s, 20 s ...).
            backOff = backOff.Next(key, finishedAt, now);
        }
        if (observation?.LastStartFailure?.Reason is StartFailureReasons.ErrImagePull or StartFailureReasons.ImagePullBackOff
            && image is not null
            && snapshot.ImagePullBackOff.IsInBackOffSinceUpdate(image, now))
        {
            var message = $"Back-off pulling image \"{image}\"";
            events.Add(new PodEvent(PodEvent.Normal, EventReasons.BackOff, message, name));
            var entry = snapshot.ImagePullBackOff.Entries[image];
            return new ContainerWait(name, StartFailureReasons.ImagePullBackOff, message, entry.LastUpdate + entry.Delay);
        }
        return null;
    }
}
