using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

/// <summary>A minimal valid, defaulted pod to vary with <c>with</c> expressions, and assertions on its errors.</summary>
internal static class TestPods
{
    public static Pod Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new PodSpec
        {
            RestartPolicy = "Always",
            DnsPolicy = "ClusterFirst",
            TerminationGracePeriodSeconds = 30,
            Containers = [Container("web")],
        },
    };

    public static Container Container(string name) => new()
    {
        Name = name,
        Image = "nginx:1.27",
        ImagePullPolicy = "IfNotPresent",
        TerminationMessagePath = "/dev/termination-log",
        TerminationMessagePolicy = "File",
    };

    /// <summary>A defaulted sidecar: an init container with restartPolicy Always.</summary>
    public static Container Sidecar(string name) => Container(name) with { RestartPolicy = "Always" };

    public static Pod WithSpec(Func<PodSpec, PodSpec> change)
    {
        var pod = Valid();
        return pod with { Spec = change(pod.Spec!) };
    }

    /// <summary>The valid pod with its only container changed.</summary>
    public static Pod WithContainer(Func<Container, Container> change) =>
        WithSpec(spec => spec with { Containers = [change(spec.Containers![0])] });

    public static Pod WithContainers(params Container[] containers) => WithSpec(spec => spec with { Containers = containers });

    public static Pod WithVolumes(params Volume[] volumes) => WithSpec(spec => spec with { Volumes = volumes });

    public static Probe ExecProbe() => new() { Exec = new ExecAction { Command = ["true"] } };

    public static Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new EmptyDirVolumeSource() };

    public static IReadOnlyList<string> Errors(Pod pod, ValidationOptions? options = null) =>
        [.. ObjectValidator.Validate(pod, options).Select(error => error.ToString())];

    public static void AssertValid(Pod pod, ValidationOptions? options = null) => Assert.Empty(Errors(pod, options));

    public static void AssertErrors(Pod pod, params string[] expected) => Assert.Equal(expected, Errors(pod));
}
