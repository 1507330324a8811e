namespace Tandem.Model.Tests.Lint;

public sealed class PreStopExceedsGraceRuleTests
{
    private const string Id = "prestop-exceeds-grace-period";

    private static string Pod(string grace, string preStop) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: frontend}
        spec:
          {{grace}}
          containers:
          - name: web
            image: nginx:1.27
            lifecycle:
              preStop:
                {{preStop}}
        """;

    [Fact]
    public void ExecSleepLongerThanTheDefaultGracePeriod_IsAnErrorAtTheCommand()
    {
        var finding = Assert.Single(LintRun.Of(Pod("", """exec: {command: ["sh", "-c", "sleep 45"]}""")), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:11:25", finding.Location.ToString());
        Assert.Equal(
            "the preStop hook of container \"web\" waits 45 s, but terminationGracePeriodSeconds is 30: the container is killed before it can shut down",
            finding.Message);
    }

    [Fact]
    public void SleepActionAsLongAsTheGracePeriod_IsAnErrorAtTheSeconds()
    {
        var findings = LintRun.Of(Pod("terminationGracePeriodSeconds: 10", "sleep: {seconds: 10}"));

        Assert.Equal(["pod.yaml:11:26"], LintRun.Locations(findings, Id));
    }

    [Theory]
    [InlineData("", "sleep: {seconds: 5}")]
    [InlineData("terminationGracePeriodSeconds: 60", """exec: {command: ["sh", "-c", "sleep 45"]}""")]
    [InlineData("", "httpGet: {path: /drain, port: 80}")]
    public void HooksThatLeaveTimeToShutDown_AreClean(string grace, string preStop)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(grace, preStop)), Id));
    }
}
