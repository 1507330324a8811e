using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Node.Events;
using Tandem.Node.Lifecycle;
using Tandem.Testing;

namespace Tandem.Node.Tests.Events;

public sealed class EventRecorderTests
{
    private static readonly Pod Web = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "u1" },
        Spec = new PodSpec { InitContainers = [new Container { Name = "content" }], Containers = [new Container { Name = "main" }] },
    };

    [Fact]
    public void Event_AboutAContainer_NamesItInTheFieldPath_AsTheKubeletDoes()
    {
        var recorder = new EventRecorder("tandem", new ManualTimeProvider());

        var init = recorder.Record(Web, new PodEvent(PodEvent.Normal, "Started", "Started container content", "content"));
        var main = recorder.Record(Web, new PodEvent(PodEvent.Normal, "Started", "Started container main", "main"));
        var pod = recorder.Record(Web, new PodEvent(PodEvent.Normal, "Scheduled", "Successfully assigned default/web to tandem"));

        Assert.Equal("spec.initContainers{content}", init.InvolvedObject!.FieldPath);
        Assert.Equal("spec.containers{main}", main.InvolvedObject!.FieldPath);
        Assert.Null(pod.InvolvedObject!.FieldPath);
        Assert.Equal(("Pod", "web", "u1"), (pod.InvolvedObject.Kind, pod.InvolvedObject.Name, pod.InvolvedObject.Uid));
        Assert.Equal("kubelet", pod.Source!.Component);
        Assert.Equal("tandem", pod.Source.Host);
    }

    [Fact]
    public void RepeatedEvent_IsCountedOnOneEvent_WithTheFirstAndLastTimes()
    {
        var clock = new ManualTimeProvider();
        var recorder = new EventRecorder("tandem", clock);
        var backOff = new PodEvent(PodEvent.Warning, "BackOff", "Back-off restarting failed container main in pod web_default(u1)", "main");

        var first = recorder.Record(Web, backOff);
        clock.Advance(TimeSpan.FromSeconds(10));
        recorder.Record(Web, backOff);
        clock.Advance(TimeSpan.FromSeconds(20));
        var third = recorder.Record(Web, backOff);

        Assert.Single(recorder.List());
        Assert.Equal(3, third.Count);
        Assert.Equal(first.Metadata!.Name, third.Metadata!.Name);
        Assert.Equal(first.FirstTimestamp, third.FirstTimestamp);
        Assert.Equal(first.FirstTimestamp + TimeSpan.FromSeconds(30), third.LastTimestamp);
    }

    [Fact]
    public void Recorder_KeepsOnlyTheNewestEvents()
    {
        var recorder = new EventRecorder("tandem", new ManualTimeProvider());
        for (var i = 0; i < EventRecorder.Capacity + 10; i++)
        {
            recorder.Record(Web, new PodEvent(PodEvent.Normal, "Pulled", $"image {i}"));
        }

        var events = recorder.List();
        Assert.Equal(EventRecorder.Capacity, events.Count);
        Assert.DoesNotContain(events, e => e.Message == "image 0");
        Assert.Contains(events, e => e.Message == $"image {EventRecorder.Capacity + 9}");
    }
}
