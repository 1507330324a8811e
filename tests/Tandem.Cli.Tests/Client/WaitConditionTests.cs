using System.Text.Json.Nodes;
using Tandem.Cli.Commands.Client;

namespace Tandem.Cli.Tests.Client;

public sealed class WaitConditionTests
{
    private static JsonObject Pod(string ready, long? generation = null, long? observed = null)
    {
        var pod = JsonNode.Parse("""
            {"metadata":{"name":"web"},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"?"}],"containerStatuses":[{"name":"main","ready":true}]}}
            """)!.AsObject();
        pod["status"]!["conditions"]![0]!["status"] = ready;
        if (generation is not null)
        {
            pod["metadata"]!["generation"] = generation;
        }
        if (observed is not null)
        {
            pod["status"]!["conditions"]![0]!["observedGeneration"] = observed;
        }
        return pod;
    }

    [Theory]
    [InlineData("condition=Ready", "True", true)]
    [InlineData("condition=ready", "True", true)]
    [InlineData("condition=Ready", "False", false)]
    [InlineData("condition=Ready=false", "False", true)]
    [InlineData("condition=Ready=False", "True", false)]
    public void Condition_ComparesStatusCaseInsensitively(string text, string status, bool met) =>
        Assert.Equal(met, WaitCondition.Parse(text).IsMet(Pod(status)));

    [Fact]
    public void Condition_ObservedForAnOlderGeneration_DoesNotCount() =>
        Assert.False(WaitCondition.Parse("condition=Ready").IsMet(Pod("True", generation: 2, observed: 1)));

    [Fact]
    public void Delete_IsMetOnlyWhenGone()
    {
        var condition = WaitCondition.Parse("delete");

        Assert.True(condition.ForDelete);
        Assert.True(condition.IsMet(null));
        Assert.False(condition.IsMet(Pod("True")));
    }

    [Theory]
    [InlineData("jsonpath={.status.phase}=Running", true)]
    [InlineData("jsonpath={.status.phase}=Pending", false)]
    [InlineData("jsonpath={.status.conditions[0].status}=True", true)]
    [InlineData("jsonpath={.status.conditions[?(@.type==\"Ready\")].status}=True", true)]
    [InlineData("jsonpath={.status.containerStatuses[0].ready}=true", true)]
    public void JsonPath_ComparesTheValueAsText(string text, bool met) =>
        Assert.Equal(met, WaitCondition.Parse(text).IsMet(Pod("True")));

    [Theory]
    [InlineData("Ready")]
    [InlineData("jsonpath=.status.phase")]
    public void UnknownForms_AreUsageErrors(string text) =>
        Assert.Throws<ClientUsageException>(() => WaitCondition.Parse(text));
}
