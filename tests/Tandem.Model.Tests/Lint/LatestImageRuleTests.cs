namespace Tandem.Model.Tests.Lint;

public sealed class LatestImageRuleTests
{
    private const string Id = "latest-image";

    private static string Pod(string image) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: site}
        spec:
          containers:
          - name: web
            image: {{image}}
        """;

    [Theory]
    [InlineData("nginx", "container \"web\" image nginx has no tag, so it means :latest")]
    [InlineData("nginx:latest", "container \"web\" image nginx:latest uses the :latest tag")]
    [InlineData("localhost:5000/team/app", "container \"web\" image localhost:5000/team/app has no tag, so it means :latest")]
    public void UntaggedOrLatestImages_AreWarningsAtTheImage(string image, string message)
    {
        var finding = Assert.Single(LintRun.Of(Pod(image)), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:7:12", finding.Location.ToString());
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData("nginx:1.27")]
    [InlineData("localhost:5000/app:2")]
    [InlineData("nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public void PinnedImages_AreClean(string image)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(image)), Id));
    }
}
