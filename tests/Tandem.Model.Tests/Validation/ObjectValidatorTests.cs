using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class ObjectValidatorTests
{
    [Fact]
    public void Pod_WithSeveralProblems_ReportsAllOfThemInOrder()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "Web" },
            Spec = TestPods.Valid().Spec! with
            {
                Volumes = [new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource() }, new Volume { Name = "data", EmptyDir = new EmptyDirVolumeSource() }],
                Containers =
                [
                    TestPods.Container("web") with { Ports = [new ContainerPort { Number = 70000, Protocol = "TCP" }] },
                    TestPods.Container("web") with { VolumeMounts = [new VolumeMount { Name = "logs", MountPath = "/logs" }] },
                ],
                InitContainers = [TestPods.Container("setup") with { RestartPolicy = "Never" }],
                RestartPolicy = "Sometimes",
            },
        };

        TestPods.AssertErrors(
            pod,
            "metadata.name: Invalid value: \"Web\": " + Messages.Dns1123Subdomain,
            "spec.volumes[1].name: Duplicate value: \"data\"",
            "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            "spec.containers[1].volumeMounts[0].name: Not found: \"logs\"",
            "spec.containers[1].name: Duplicate value: \"web\"",
            "spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");
    }

    [Fact]
    public void Describe_GivesKubectlsOneLineMessage()
    {
        var pod = TestPods.WithContainer(c => c with { Name = null, Image = null });

        Assert.Equal(
            "Pod \"web\" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]",
            ObjectValidator.Describe(pod));
        Assert.Null(ObjectValidator.Describe(TestPods.Valid()));
    }

    [Fact]
    public void UndefaultedPod_IsNotFaultedForFieldsDefaultingFills()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new PodSpec
            {
                HostNetwork = true,
                Volumes = [new Volume { Name = "scratch" }],
                Containers =
                [
                    new Container
                    {
                        Name = "web",
                        Image = "nginx",
                        Ports = [new ContainerPort { Number = 80 }],
                        Env = [new EnvVar { Name = "NODE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "spec.nodeName" } } }],
                        LivenessProbe = new Probe { HttpGet = new HttpGetAction { Port = 80 } },
                        Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } },
                    },
                ],
            },
        };

        TestPods.AssertValid(pod, new ValidationOptions { DefaultsApplied = false });
    }

    [Fact]
    public void DefaultedFieldsMissing_AreRequired_AsTheApiServerWouldReport() =>
        TestPods.AssertErrors(
            new Pod { Metadata = new ObjectMeta { Name = "web" }, Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }] } },
            "spec.terminationGracePeriodSeconds: Required value",
            "spec.containers[0].terminationMessagePolicy: Required value",
            "spec.containers[0].imagePullPolicy: Required value",
            "spec.restartPolicy: Required value",
            "spec.dnsPolicy: Required value");

    [Fact]
    public void EmptyObjects_DoNotCrash()
    {
        Assert.NotEmpty(ObjectValidator.Validate(new Pod()));
        Assert.NotEmpty(ObjectValidator.Validate(new Pod { Spec = new PodSpec { Containers = [null!], InitContainers = [new Container()], Volumes = [null!] } }));
        Assert.NotEmpty(ObjectValidator.Validate(new ConfigMap()));
        Assert.NotEmpty(ObjectValidator.Validate(new Secret()));
        Assert.NotEmpty(ObjectValidator.Validate(new Namespace()));
    }

    [Fact]
    public void KindsWithoutRules_AreValid() =>
        Assert.Empty(ObjectValidator.Validate(new Event { Metadata = new ObjectMeta { Name = "x" } }));
}
