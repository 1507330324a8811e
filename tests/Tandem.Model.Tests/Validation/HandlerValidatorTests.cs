using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class HandlerValidatorTests
{
    private static Pod WithPreStop(LifecycleHandler handler) =>
        TestPods.WithContainer(c => c with { Lifecycle = new Lifecycle { PreStop = handler } });

    [Fact]
    public void Hook_WithoutHandler_IsRequired() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { Lifecycle = new Lifecycle { PostStart = new LifecycleHandler() } }),
            "spec.containers[0].lifecycle.postStart: Required value: must specify a handler type");

    [Fact]
    public void Hook_WithTwoHandlers_ForbidsTheSecond() =>
        TestPods.AssertErrors(
            WithPreStop(new LifecycleHandler { Exec = new ExecAction { Command = ["drain"] }, Sleep = new SleepAction { Seconds = 5 } }),
            "spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type");

    [Fact]
    public void Hook_HttpGet_IsValidatedLikeAProbe()
    {
        TestPods.AssertValid(WithPreStop(new LifecycleHandler { HttpGet = new HttpGetAction { Path = "/drain", Port = 8080, Scheme = "HTTP" } }));
        TestPods.AssertErrors(
            WithPreStop(new LifecycleHandler { HttpGet = new HttpGetAction { Port = 8080, Scheme = "HTTP" } }),
            "spec.containers[0].lifecycle.preStop.httpGet.path: Required value");
    }

    [Fact]
    public void Sleep_LongerThanTheGracePeriod_IsInvalid()
    {
        TestPods.AssertValid(WithPreStop(new LifecycleHandler { Sleep = new SleepAction { Seconds = 30 } }));
        TestPods.AssertErrors(
            WithPreStop(new LifecycleHandler { Sleep = new SleepAction { Seconds = 31 } }),
            "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)");
    }

    [Fact]
    public void Sleep_Zero_IsValidOnlyWithTheZeroSleepGate()
    {
        var pod = WithPreStop(new LifecycleHandler { Sleep = new SleepAction { Seconds = 0 } });
        TestPods.AssertValid(pod);
        Assert.Equal(
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."],
            TestPods.Errors(pod, new ValidationOptions { AllowZeroSleep = false }));
    }
}
