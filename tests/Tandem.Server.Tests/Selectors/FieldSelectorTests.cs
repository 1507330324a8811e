using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Server.Selectors;

namespace Tandem.Server.Tests.Selectors;

public sealed class FieldSelectorTests
{
    private static readonly Pod Web = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new PodSpec { NodeName = "node1", RestartPolicy = "Always", HostNetwork = false },
        Status = new PodStatus { Phase = "Running", PodIPs = [new PodIp { Ip = "10.0.0.5" }] },
    };

    private static readonly Event Started = new()
    {
        Metadata = new ObjectMeta { Name = "web.1", Namespace = "default" },
        InvolvedObject = new ObjectReference { Kind = "Pod", Name = "web", Namespace = "default", Uid = "u-1" },
        Reason = "Started",
        Type = "Normal",
        Source = new EventSource { Component = "kubelet" },
    };

    [Theory]
    [InlineData("metadata.name=web", true)]
    [InlineData("metadata.name==web", true)]
    [InlineData("metadata.name!=web", false)]
    [InlineData("status.phase=Running,spec.nodeName=node1", true)]
    [InlineData("spec.nodeName=node1,status.phase=Pending", false)]
    [InlineData("status.phase!=Succeeded,status.phase!=Failed", true)]
    [InlineData("spec.hostNetwork=false", true)]
    [InlineData("status.podIP=10.0.0.5", true)]
    [InlineData("status.nominatedNodeName=", true)]
    [InlineData("spec.host=node1", true)]
    [InlineData("", true)]
    public void Pod_Matches(string selector, bool expected) =>
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(FieldSets.Pod(Web)));

    [Theory]
    [InlineData("involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=u-1")]
    [InlineData("involvedObject.uid=u-1,involvedObject.name=web,involvedObject.namespace=default")]
    [InlineData("involvedObject.namespace=default,involvedObject.uid=u-1,involvedObject.name=web")]
    public void Event_DescribeSelector_MatchesInAnyTermOrder(string selector)
    {
        var parsed = FieldSelector.Parse(selector);
        Assert.Null(FieldSets.Events.Validate(parsed));
        Assert.True(parsed.Matches(FieldSets.Event(Started)));
        Assert.False(parsed.Matches(FieldSets.Event(Started with { InvolvedObject = Started.InvolvedObject! with { Uid = "other" } })));
    }

    [Fact]
    public void Event_SourceReasonAndType_AreSelectable()
    {
        var selector = FieldSelector.Parse("source=kubelet,reason=Started,type=Normal,involvedObject.kind=Pod");
        Assert.True(selector.Matches(FieldSets.Event(Started)));
    }

    [Theory]
    [InlineData("pods", "spec.containers=x", "field label not supported: spec.containers")]
    [InlineData("configmaps", "type=x", "field label not supported: type")]
    [InlineData("events", "metadata.uid=x", "field label not supported: metadata.uid")]
    [InlineData("namespaces", "status.phase=Active,spec.finalizers=x", "field label not supported: spec.finalizers")]
    public void Validate_UnsupportedField_GivesTheApiServerMessage(string resource, string selector, string message) =>
        Assert.Equal(message, FieldSets.ForResource(resource)!.Validate(FieldSelector.Parse(selector)));

    [Fact]
    public void SecretsAndNamespaces_SelectTheirOwnFields()
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "s" }, Type = "Opaque" };
        Assert.True(FieldSelector.Parse("type=Opaque,metadata.name=s").Matches(FieldSets.Secret(secret)));
        var ns = new Namespace { Metadata = new ObjectMeta { Name = "default" }, Status = new NamespaceStatus { Phase = "Active" } };
        Assert.True(FieldSelector.Parse("status.phase=Active").Matches(FieldSets.Namespace(ns)));
        var cm = new ConfigMap { Metadata = new ObjectMeta { Name = "c", Namespace = "x" } };
        Assert.True(FieldSelector.Parse("metadata.namespace=x").Matches(FieldSets.ConfigMap(cm)));
    }

    [Fact]
    public void Parse_EscapedComma_IsPartOfTheValue()
    {
        var selector = FieldSelector.Parse(@"metadata.namespace=x,metadata.name=a\,b\=c");
        Assert.Equal(2, selector.Requirements.Count);
        Assert.Equal("a,b=c", selector.Requirements.Single(r => r.Field == "metadata.name").Value);
    }

    [Fact]
    public void Parse_TermWithoutOperator_GivesTheApiServerMessage()
    {
        var exception = Assert.Throws<FormatException>(() => FieldSelector.Parse("metadata.name"));
        Assert.Equal("invalid selector: 'metadata.name'; can't understand 'metadata.name'", exception.Message);
    }

    [Theory]
    [InlineData("metadata.name=a=b", "invalid field selector: unescaped character in value: 61")]
    [InlineData(@"metadata.name=a\x", @"invalid field selector: invalid escape sequence: \x")]
    [InlineData(@"metadata.name=a\", @"invalid field selector: invalid escape sequence: \")]
    public void Parse_BadValue_GivesTheApiServerMessage(string selector, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => FieldSelector.Parse(selector)).Message);

    [Fact]
    public void Parse_NotEqualsBeforeEquals_IsNegated()
    {
        var requirement = Assert.Single(FieldSelector.Parse("status.phase!=Running").Requirements);
        Assert.Equal(new FieldRequirement("status.phase", "Running", true), requirement);
    }
}
