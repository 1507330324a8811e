using Tandem.Server.Patching;

namespace Tandem.Server.Tests.Patching;

public sealed class JsonMergePatchTests
{
    // The examples of RFC 7386 appendix A.
    [Theory]
    [InlineData("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [InlineData("{'a':'b'}", "{'a':null}", "{}")]
    [InlineData("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [InlineData("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [InlineData("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [InlineData("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [InlineData("['a','b']", "['c','d']", "['c','d']")]
    [InlineData("{'a':'b'}", "['c']", "['c']")]
    [InlineData("{'a':'foo'}", "null", "null")]
    [InlineData("{'a':'foo'}", "'bar'", "'bar'")]
    [InlineData("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [InlineData("[1,2]", "{'a':'b','c':null}", "{'a':'b'}")]
    [InlineData("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    public void Apply_FollowsRfc7386(string target, string patch, string expected) =>
        Json.Equal(expected, JsonMergePatch.Apply(Json.Parse(target), Json.Parse(patch)));

    [Fact]
    public void Apply_DoesNotModifyTheTarget()
    {
        var target = Json.Parse("{'metadata':{'labels':{'app':'web'}}}");
        JsonMergePatch.Apply(target, Json.Parse("{'metadata':{'labels':null}}"));
        Json.Equal("{'metadata':{'labels':{'app':'web'}}}", target);
    }
}
