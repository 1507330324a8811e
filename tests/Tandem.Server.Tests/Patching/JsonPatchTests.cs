using Tandem.Server.Patching;

namespace Tandem.Server.Tests.Patching;

public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'foo':'bar','baz':'qux'}")]
    [InlineData("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}")]
    [InlineData("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':'x'}]", "{'foo':['bar','x']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}")]
    [InlineData("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}")]
    [InlineData("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}", "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]", "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}")]
    [InlineData("{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}")]
    [InlineData("{'foo':{'a':1}}", "[{'op':'copy','from':'/foo','path':'/bar'}]", "{'foo':{'a':1},'bar':{'a':1}}")]
    [InlineData("{'a/b':1,'m~n':2}", "[{'op':'replace','path':'/a~1b','value':3},{'op':'remove','path':'/m~0n'}]", "{'a/b':3}")]
    [InlineData("{'baz':'qux','foo':['a',2,'c']}", "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]", "{'baz':'qux','foo':['a',2,'c']}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'','value':{'x':1}}]", "{'x':1}")]
    public void Apply_FollowsRfc6902(string document, string patch, string expected) =>
        Json.Equal(expected, JsonPatch.Apply(Json.Parse(document), Json.Parse(patch)));

    [Fact]
    public void Apply_KubectlManagedFieldsMigration_ReplacesBoth()
    {
        var live = Json.Parse("{'metadata':{'name':'web','resourceVersion':'104','managedFields':[{'manager':'kubectl-client-side-apply','operation':'Update'}]}}");
        var patch = Json.Parse("[{'op':'replace','path':'/metadata/managedFields','value':[{'manager':'kubectl','operation':'Apply'}]},{'op':'replace','path':'/metadata/resourceVersion','value':'104'}]");
        Json.Equal("{'metadata':{'name':'web','resourceVersion':'104','managedFields':[{'manager':'kubectl','operation':'Apply'}]}}", JsonPatch.Apply(live, patch));
    }

    [Theory]
    [InlineData("{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]", "testing value /baz failed: test failed")]
    [InlineData("{}", "[{'op':'remove','path':'/x'}]", "Unable to remove nonexistent key: x: missing value")]
    [InlineData("{}", "[{'op':'replace','path':'/x','value':1}]", "replace operation does not apply: doc is missing key: /x: missing value")]
    [InlineData("{}", "[{'op':'add','path':'/a/b','value':1}]", "add operation does not apply: doc is missing path: \"/a/b\": missing value")]
    [InlineData("{'a':[1]}", "[{'op':'add','path':'/a/5','value':1}]", "Unable to access invalid index: 5: invalid index referenced")]
    [InlineData("{}", "[{'op':'frobnicate','path':'/x'}]", "Unexpected kind: frobnicate")]
    public void Apply_Failure_GivesTheLibraryMessage(string document, string patch, string message)
    {
        var exception = Assert.Throws<PatchException>(() => JsonPatch.Apply(Json.Parse(document), Json.Parse(patch)));
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Apply_FailingTest_LeavesTheDocumentUntouched()
    {
        var document = Json.Parse("{'a':1}");
        Assert.Throws<PatchException>(() => JsonPatch.Apply(document, Json.Parse("[{'op':'replace','path':'/a','value':2},{'op':'test','path':'/a','value':1}]")));
        Json.Equal("{'a':1}", document);
    }
}
