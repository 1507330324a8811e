using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class PodUpdateValidationTests
{
    private const string Forbidden =
        "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Pod Live() => TestPods.Valid() with
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "u-1", CreationTimestamp = Created, ResourceVersion = "7" },
    };

    private static IReadOnlyList<string> Errors(Pod newPod, Pod? oldPod = null) =>
        [.. PodUpdateValidation.ValidatePodUpdate(newPod, oldPod ?? Live()).Select(e => e.ToString())];

    private static Pod WithSpec(Pod pod, Func<PodSpec, PodSpec> change) => pod with { Spec = change(pod.Spec!) };

    [Fact]
    public void Unchanged_IsValid() => Assert.Empty(Errors(Live()));

    [Fact]
    public void ImageChange_IsAllowed()
    {
        var pod = WithSpec(Live(), s => s with { Containers = [s.Containers![0] with { Image = "nginx:1.28" }] });
        Assert.Empty(Errors(pod));
    }

    [Fact]
    public void LabelsAndAnnotations_MayChange()
    {
        var live = Live();
        var pod = live with { Metadata = live.Metadata! with { Labels = new Dictionary<string, string> { ["a"] = "b" }, Annotations = new Dictionary<string, string> { ["x"] = "y" } } };
        Assert.Empty(Errors(pod));
    }

    [Fact]
    public void EnvChange_IsForbiddenOnSpec()
    {
        var pod = WithSpec(Live(), s => s with { Containers = [s.Containers![0] with { Env = [new EnvVar { Name = "FOO", Value = "baz" }] }] });
        var error = Assert.Single(PodUpdateValidation.ValidatePodUpdate(pod, Live()));
        Assert.Equal(FieldErrorType.Forbidden, error.Type);
        Assert.Equal("spec", error.Field.ToString());
        Assert.StartsWith(Forbidden + "\n", error.ToString());
        Assert.Contains("+ \tcontainers[0].env", error.Detail);
    }

    [Fact]
    public void AddingAContainer_IsForbiddenAndStops()
    {
        var pod = WithSpec(Live(), s => s with { Containers = [.. s.Containers!, TestPods.Container("two")], RestartPolicy = "Never" });
        Assert.Equal(["spec.containers: Forbidden: pod updates may not add or remove containers"], Errors(pod));
    }

    [Fact]
    public void EmptyImage_IsRequired()
    {
        var pod = WithSpec(Live(), s => s with { Containers = [s.Containers![0] with { Image = " nginx" }] });
        Assert.Equal(["spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace"], Errors(pod));
    }

    [Theory]
    [InlineData(null, 30L, null)]
    [InlineData(60L, 30L, null)]
    [InlineData(30L, 60L, "spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value")]
    [InlineData(30L, null, "spec.activeDeadlineSeconds: Invalid value: \"null\": must not update from a positive integer to nil value")]
    [InlineData(null, -1L, "spec.activeDeadlineSeconds: Invalid value: -1: must be between 0 and 2147483647, inclusive")]
    public void ActiveDeadlineSeconds_MayOnlyBeSetOrDecreased(long? before, long? after, string? expected)
    {
        var old = WithSpec(Live(), s => s with { ActiveDeadlineSeconds = before });
        var pod = WithSpec(Live(), s => s with { ActiveDeadlineSeconds = after });
        Assert.Equal(expected is null ? [] : [expected], Errors(pod, old));
    }

    [Fact]
    public void Tolerations_MayOnlyBeAdded()
    {
        JsonObject Toleration(string key, int? seconds = null)
        {
            var t = new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = "NoExecute" };
            if (seconds is { } s)
            {
                t["tolerationSeconds"] = s;
            }
            return t;
        }
        var old = WithSpec(Live(), s => s with { Tolerations = [Toleration("a", 30)] });
        Assert.Empty(Errors(WithSpec(Live(), s => s with { Tolerations = [Toleration("a", 10), Toleration("b")] }), old));
        Assert.Equal(["spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"],
            Errors(WithSpec(Live(), s => s with { Tolerations = [Toleration("b")] }), old));
    }

    [Fact]
    public void TerminationGracePeriod_MayGoFromNegativeToOneOnly()
    {
        var negative = WithSpec(Live(), s => s with { TerminationGracePeriodSeconds = -1 });
        Assert.Empty(Errors(WithSpec(Live(), s => s with { TerminationGracePeriodSeconds = 1 }), negative));
        Assert.StartsWith(Forbidden, Assert.Single(Errors(WithSpec(Live(), s => s with { TerminationGracePeriodSeconds = 5 }))));
    }

    [Fact]
    public void SchedulingGates_MayOnlyBeRemoved()
    {
        var old = WithSpec(Live(), s => s with { SchedulingGates = [new JsonObject { ["name"] = "a" }] });
        Assert.Empty(Errors(WithSpec(Live(), s => s with { SchedulingGates = null }), old));
        Assert.Equal(["spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'b'"],
            Errors(WithSpec(Live(), s => s with { SchedulingGates = [new JsonObject { ["name"] = "b" }] }), old));
    }

    [Fact]
    public void EmptyAndMissingLists_AreTheSame()
    {
        var pod = WithSpec(Live(), s => s with { Volumes = [], InitContainers = [] });
        Assert.Empty(Errors(pod));
    }

    [Fact]
    public void Identity_IsImmutable()
    {
        var live = Live();
        var pod = live with { Metadata = live.Metadata! with { Name = "web2", Uid = "u-2", Namespace = "other", CreationTimestamp = Created.AddSeconds(1) } };
        Assert.Equal(
        [
            "metadata.name: Invalid value: \"web2\": field is immutable",
            "metadata.namespace: Invalid value: \"other\": field is immutable",
            "metadata.uid: Invalid value: \"u-2\": field is immutable",
            "metadata.creationTimestamp: Invalid value: \"2026-01-01T00:00:01Z\": field is immutable",
        ], Errors(pod));
    }

    [Fact]
    public void NewFinalizers_AreForbiddenWhileDeleting()
    {
        var live = Live();
        var deleting = live with { Metadata = live.Metadata! with { DeletionTimestamp = Created, DeletionGracePeriodSeconds = 30 } };
        var pod = deleting with { Metadata = deleting.Metadata! with { Finalizers = ["example.com/x"] } };
        Assert.Equal(["metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/x\"}"],
            Errors(pod, deleting));
    }

    [Fact]
    public void InvalidObjectMessage_ReadsAsKubectlPrintsIt()
    {
        var pod = WithSpec(Live(), s => s with { RestartPolicy = "Never" });
        var message = InvalidObjectMessage.Format("Pod", "web", PodUpdateValidation.ValidatePodUpdate(pod, Live()));
        Assert.StartsWith("Pod \"web\" is invalid: " + Forbidden, message);
    }
}
