using Tandem.Model.CoreV1;
using Tandem.Model.Lint;
using Tandem.Model.Lint.Heuristics;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Lint;

public sealed class LongRunningHeuristicTests
{
    [Theory]
    [InlineData("tail -F /logs/app.log")]
    [InlineData("tail -n +1 -f /logs/app.log")]
    [InlineData("tail --follow=name /logs/app.log")]
    [InlineData("sleep infinity")]
    [InlineData("sleep 1d")]
    [InlineData("while true; do sleep 1; done")]
    [InlineData("while :; do date; sleep 5; done")]
    [InlineData("nginx -g daemon off;")]
    [InlineData("socat TCP-LISTEN:5432,fork TCP:db:5432")]
    public void CommandsThatNeverEnd_AreLongRunning(string command)
    {
        Assert.NotNull(LongRunningHeuristic.Reason(Of(new Container { Command = ["sh", "-c", command] })));
    }

    [Theory]
    [InlineData("echo done")]
    [InlineData("tail -n 20 /logs/app.log")]
    [InlineData("sleep 30; echo done")]
    [InlineData("for i in 1 2 3; do echo $i; done")]
    [InlineData("python train.py --epochs 3")]
    public void CommandsThatEnd_AreNot(string command)
    {
        Assert.Null(LongRunningHeuristic.Reason(Of(new Container { Command = ["sh", "-c", command] })));
    }

    [Fact]
    public void ProbesPortsAndServerImages_AreSignsOfAServer()
    {
        Assert.Equal("it has a readinessProbe", LongRunningHeuristic.Reason(Of(new Container { ReadinessProbe = new Probe() })));
        Assert.Equal("it listens on port 80", LongRunningHeuristic.Reason(Of(new Container { Ports = [new ContainerPort { Number = 80 }] })));
        Assert.Equal("its image envoyproxy/envoy:v1.31 runs a server", LongRunningHeuristic.Reason(Of(new Container { Image = "envoyproxy/envoy:v1.31" })));
        Assert.Null(LongRunningHeuristic.Reason(Of(new Container { Image = "envoyproxy/envoy:v1.31", Command = ["sh", "-c", "echo hi"] })));
    }

    private static PodContainer Of(Container container) =>
        new(container, ContainerRole.Regular, FieldPath.Root("spec").Child("containers").Index(0), 0);
}
