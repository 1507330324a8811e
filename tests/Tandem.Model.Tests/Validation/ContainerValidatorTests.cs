using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class ContainerValidatorTests
{
    [Fact]
    public void Container_WithoutName_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithContainer(c => c with { Name = null }), "spec.containers[0].name: Required value");

    [Fact]
    public void Container_NameIsDnsLabel() =>
        TestPods.AssertErrors(TestPods.WithContainer(c => c with { Name = "Web_1" }), "spec.containers[0].name: Invalid value: \"Web_1\": " + Messages.Dns1123Label);

    [Fact]
    public void Container_DuplicateName_IsReportedOnTheSecond()
    {
        TestPods.AssertValid(TestPods.WithContainers(TestPods.Container("web"), TestPods.Container("log")));
        TestPods.AssertErrors(
            TestPods.WithContainers(TestPods.Container("web"), TestPods.Container("web")),
            "spec.containers[1].name: Duplicate value: \"web\"");
    }

    [Fact]
    public void Container_WithoutImage_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithContainer(c => c with { Image = "" }), "spec.containers[0].image: Required value");

    [Fact]
    public void Container_ImageWithSurroundingSpace_IsInvalid() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { Image = " nginx" }),
            "spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace");

    [Fact]
    public void ImagePullPolicy_OutsideTheThreeValues_IsUnsupported()
    {
        TestPods.AssertValid(TestPods.WithContainer(c => c with { ImagePullPolicy = "Never" }));
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { ImagePullPolicy = "Sometimes" }),
            "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"");
    }

    [Fact]
    public void ImagePullPolicy_MissingAfterDefaulting_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithContainer(c => c with { ImagePullPolicy = null }), "spec.containers[0].imagePullPolicy: Required value");

    [Fact]
    public void TerminationMessagePolicy_OutsideTheTwoValues_IsUnsupported()
    {
        TestPods.AssertValid(TestPods.WithContainer(c => c with { TerminationMessagePolicy = "FallbackToLogsOnError" }));
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { TerminationMessagePolicy = "Logs" }),
            "spec.containers[0].terminationMessagePolicy: Unsupported value: \"Logs\": supported values: \"File\", \"FallbackToLogsOnError\"");
    }

    [Fact]
    public void RegularContainer_WithRestartPolicy_IsForbidden() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { RestartPolicy = "Always" }),
            "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers");

    [Fact]
    public void InitContainer_RestartPolicyOtherThanAlways_IsUnsupported()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { InitContainers = [TestPods.Sidecar("proxy")] }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { InitContainers = [TestPods.Container("proxy") with { RestartPolicy = "OnFailure" }] }),
            "spec.initContainers[0].restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
    }

    [Fact]
    public void Sidecar_MayHaveProbesAndLifecycle() =>
        TestPods.AssertValid(TestPods.WithSpec(s => s with
        {
            InitContainers = [TestPods.Sidecar("proxy") with
            {
                StartupProbe = TestPods.ExecProbe(),
                ReadinessProbe = TestPods.ExecProbe(),
                LivenessProbe = TestPods.ExecProbe(),
                Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } },
            }],
        }));

    [Fact]
    public void RegularInitContainer_WithProbesOrLifecycle_IsForbidden() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with
            {
                InitContainers = [TestPods.Container("migrate") with
                {
                    Lifecycle = new Lifecycle { PostStart = new LifecycleHandler { Exec = new ExecAction { Command = ["true"] } } },
                    LivenessProbe = TestPods.ExecProbe(),
                    ReadinessProbe = TestPods.ExecProbe(),
                    StartupProbe = TestPods.ExecProbe(),
                }],
            }),
            "spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always",
            "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
            "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
            "spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always");

    [Fact]
    public void InitContainer_NamedLikeARegularContainer_IsDuplicate() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { InitContainers = [TestPods.Sidecar("proxy"), TestPods.Container("web")] }),
            "spec.initContainers[1].name: Duplicate value: \"web\"");

    [Fact]
    public void InitContainers_WithTheSameName_AreDuplicates() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { InitContainers = [TestPods.Container("setup"), TestPods.Container("setup")] }),
            "spec.initContainers[1].name: Duplicate value: \"setup\"");

    [Fact]
    public void Sidecar_InvalidProbe_IsValidatedLikeARegularContainers() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { InitContainers = [TestPods.Sidecar("proxy") with { LivenessProbe = new Probe() }] }),
            "spec.initContainers[0].livenessProbe: Required value: must specify a handler type");
}
