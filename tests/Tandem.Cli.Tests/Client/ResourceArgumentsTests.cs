using Tandem.Cli.Api;
using Tandem.Cli.Commands.Client;

namespace Tandem.Cli.Tests.Client;

public sealed class ResourceArgumentsTests
{
    [Theory]
    [InlineData(new[] { "pods" }, "pods", new string[0])]
    [InlineData(new[] { "po", "web", "db" }, "pods", new[] { "web", "db" })]
    [InlineData(new[] { "pod/web", "pod/db" }, "pods", new[] { "web", "db" })]
    [InlineData(new[] { "Pod/web" }, "pods", new[] { "web" })]
    [InlineData(new[] { "cm" }, "configmaps", new string[0])]
    [InlineData(new[] { "ev" }, "events", new string[0])]
    [InlineData(new[] { "ns", "default" }, "namespaces", new[] { "default" })]
    public void KubectlsForms_AreUnderstood(string[] args, string plural, string[] names)
    {
        var parsed = ResourceArguments.Parse(args);

        Assert.Equal(plural, parsed.Type.Plural);
        Assert.Equal(names, parsed.Names);
    }

    [Fact]
    public void UnknownType_IsTheServersWording() =>
        Assert.Equal("the server doesn't have a resource type \"deployments\"",
            Assert.Throws<ClientUsageException>(() => ResourceArguments.Parse(["deployments"])).Message);

    [Fact]
    public void Paths_AreNamespacedOrClusterWide()
    {
        Assert.Equal("/api/v1/namespaces/team/pods/web", ResourceType.Pods.ItemPath("team", "web"));
        Assert.Equal("/api/v1/pods", ResourceType.Pods.CollectionPath(null));
        Assert.Equal("/api/v1/namespaces/x", ResourceType.Namespaces.ItemPath("ignored", "x"));
    }
}
