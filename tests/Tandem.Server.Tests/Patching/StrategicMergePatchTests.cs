using Tandem.Server.Patching;

namespace Tandem.Server.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    private const string Live = """
        {'apiVersion':'v1','kind':'Pod',
         'metadata':{'name':'web','namespace':'default','labels':{'app':'web'},'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'old'},'finalizers':['a/x','b/y']},
         'spec':{'containers':[
            {'name':'nginx','image':'nginx:1.26','ports':[{'containerPort':80,'protocol':'TCP'}],
             'env':[{'name':'FOO','value':'bar'},{'name':'KEEP','value':'1'}],'command':['nginx','-g']},
            {'name':'sidecar','image':'busybox','volumeMounts':[{'name':'data','mountPath':'/data'}]}],
          'volumes':[{'name':'data','emptyDir':{}}],
          'tolerations':[{'key':'a','operator':'Exists'}]}}
        """;

    private static string Apply(string patch, string? live = null) =>
        StrategicMergePatch.Apply(Json.Parse(live ?? Live), Json.Parse(patch), PatchSchema.Pod).ToJsonString();

    [Fact]
    public void KubectlPatch_ChangeImageAndOneEnvValue()
    {
        var result = Json.Parse(Apply("""
            {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'new'}},
             'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'sidecar'}],
                     'containers':[{'$setElementOrder/env':[{'name':'FOO'}],'env':[{'name':'FOO','value':'baz'}],'image':'nginx:1.27','name':'nginx'}]}}
            """));
        var nginx = result["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.27", (string?)nginx["image"]);
        // A merge list keeps the items the patch does not mention: KEEP stays, after FOO.
        Json.Equal("[{'name':'FOO','value':'baz'},{'name':'KEEP','value':'1'}]", nginx["env"]);
        Json.Equal("['nginx','-g']", nginx["command"]);
        Assert.Equal("sidecar", (string?)result["spec"]!["containers"]![1]!["name"]);
        Assert.Equal("new", (string?)result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.Equal("web", (string?)result["metadata"]!["labels"]!["app"]);
    }

    [Fact]
    public void KubectlPatch_RemoveLabelsAndPorts_ReplaceEnv()
    {
        var result = Json.Parse(Apply("""
            {'metadata':{'annotations':{'x':'y'},'labels':null},
             'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'sidecar'}],
                     'containers':[{'$setElementOrder/env':[{'name':'NEW'}],'env':[{'name':'NEW','value':'1'},{'$patch':'delete','name':'FOO'}],'name':'nginx','ports':null}]}}
            """));
        Assert.Null(result["metadata"]!["labels"]);
        var nginx = result["spec"]!["containers"]![0]!.AsObject();
        Assert.False(nginx.ContainsKey("ports"));
        // As upstream's mergeSortedSlice: a new item cannot be placed against server-only ones, which come first.
        Json.Equal("[{'name':'KEEP','value':'1'},{'name':'NEW','value':'1'}]", nginx["env"]);
        Assert.DoesNotContain("$", result.ToJsonString());
    }

    [Fact]
    public void AtomicLists_AreReplaced()
    {
        var result = Json.Parse(Apply("{'spec':{'tolerations':[{'key':'b','operator':'Exists'}],'containers':[{'name':'nginx','command':['sh']}]}}"));
        Json.Equal("[{'key':'b','operator':'Exists'}]", result["spec"]!["tolerations"]);
        Json.Equal("['sh']", result["spec"]!["containers"]![0]!["command"]);
    }

    [Fact]
    public void MergeList_NewItemIsAppendedAndMergedByKey()
    {
        var result = Json.Parse(Apply("{'spec':{'containers':[{'name':'extra','image':'x'},{'name':'sidecar','image':'busybox:2'}]}}"));
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.Equal(["nginx", "sidecar", "extra"], containers.Select(c => (string?)c!["name"]));
        Json.Equal("[{'name':'data','mountPath':'/data'}]", containers[1]!["volumeMounts"]);
        Assert.Equal("busybox:2", (string?)containers[1]!["image"]);
    }

    [Fact]
    public void Ports_MergeByContainerPort()
    {
        var result = Json.Parse(Apply("{'spec':{'containers':[{'name':'nginx','ports':[{'containerPort':80,'name':'http'},{'containerPort':443}]}]}}"));
        Json.Equal("[{'containerPort':80,'protocol':'TCP','name':'http'},{'containerPort':443}]", result["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void ReplaceDirective_InAList_ReplacesTheList()
    {
        var result = Json.Parse(Apply("{'spec':{'containers':[{'name':'nginx','env':[{'name':'ONLY','value':'x'},{'$patch':'replace'}]}]}}"));
        Json.Equal("[{'name':'ONLY','value':'x'}]", result["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void ReplaceDirective_InAMap_ReplacesTheMap()
    {
        var result = Json.Parse(Apply("{'metadata':{'labels':{'$patch':'replace','tier':'db'}}}"));
        Json.Equal("{'tier':'db'}", result["metadata"]!["labels"]);
    }

    [Fact]
    public void DeleteDirective_InAMap_EmptiesIt()
    {
        var result = Json.Parse(Apply("{'metadata':{'labels':{'$patch':'delete'}}}"));
        Json.Equal("{}", result["metadata"]!["labels"]);
    }

    [Fact]
    public void UnknownDirective_IsRejected()
    {
        var exception = Assert.Throws<PatchException>(() => Apply("{'metadata':{'labels':{'$patch':'explode','a':'1'}}}"));
        Assert.Equal("unknown patch type: explode in map: map[$patch:explode a:1]", exception.Message);
    }

    [Fact]
    public void RetainKeys_ClearsTheOldVolumeSource()
    {
        var result = Json.Parse(Apply("{'spec':{'volumes':[{'$retainKeys':['hostPath','name'],'name':'data','hostPath':{'path':'/tmp'}}]}}"));
        Json.Equal("[{'name':'data','hostPath':{'path':'/tmp'}}]", result["spec"]!["volumes"]);
    }

    [Fact]
    public void RetainKeys_MustNameEveryPatchedField()
    {
        var exception = Assert.Throws<PatchException>(() => Apply("{'spec':{'volumes':[{'$retainKeys':['name'],'name':'data','hostPath':{'path':'/tmp'}}]}}"));
        Assert.Equal("invalid patch format of retainKeys", exception.Message);
    }

    [Fact]
    public void Finalizers_AreASetWithDeleteFromPrimitiveList()
    {
        var result = Json.Parse(Apply("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a/x'],'finalizers':['c/z','b/y']}}"));
        Json.Equal("['b/y','c/z']", result["metadata"]!["finalizers"]);
        var ordered = Json.Parse(Apply("{'metadata':{'$setElementOrder/finalizers':['b/y','a/x']}}"));
        Json.Equal("['b/y','a/x']", ordered["metadata"]!["finalizers"]);
    }

    [Fact]
    public void SetElementOrder_ReordersWithoutOtherChanges()
    {
        var result = Json.Parse(Apply("{'spec':{'$setElementOrder/containers':[{'name':'sidecar'},{'name':'nginx'}]}}"));
        Assert.Equal(["sidecar", "nginx"], result["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void SetElementOrder_PutsNewItemsWhereTheOrderSays()
    {
        var result = Json.Parse(Apply("{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'mid'},{'name':'sidecar'}],'containers':[{'name':'mid','image':'m'}]}}"));
        Assert.Equal(["nginx", "mid", "sidecar"], result["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void ServerOnlyItems_KeepTheirPlaceRelativeToOrderedOnes()
    {
        // Upstream's documented case: server-only items are merged in by their original positions.
        const string live = "{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'},{'name':'d'}]}}";
        var result = Json.Parse(Apply("{'spec':{'$setElementOrder/containers':[{'name':'d'},{'name':'b'}]}}", live));
        Assert.Equal(["a", "c", "d", "b"], result["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void MissingMergeKey_IsRejected()
    {
        var exception = Assert.Throws<PatchException>(() => Apply("{'spec':{'containers':[{'image':'x'}]}}"));
        Assert.Equal("map: map[image:x] does not contain declared merge key: name", exception.Message);
    }

    [Fact]
    public void NullForAMissingField_IsIgnored_AndNewMapsCarryNoDirectives()
    {
        var result = Json.Parse(Apply("{'spec':{'nodeSelector':{'a':null,'b':'1'},'hostAliases':[{'ip':'1.2.3.4','hostnames':['x']},{'$patch':'delete','ip':'9.9.9.9'}]}}"));
        Json.Equal("{'b':'1'}", result["spec"]!["nodeSelector"]);
        Json.Equal("[{'ip':'1.2.3.4','hostnames':['x']}]", result["spec"]!["hostAliases"]);
    }

    [Fact]
    public void PlainSchema_ReplacesLists()
    {
        var result = StrategicMergePatch.Apply(Json.Parse("{'data':{'a':'1'},'list':[1,2]}"), Json.Parse("{'data':{'b':'2'},'list':[3]}"), PatchSchemas.Simple);
        Json.Equal("{'data':{'a':'1','b':'2'},'list':[3]}", result);
    }

    [Fact]
    public void Apply_DoesNotModifyTheOriginal()
    {
        var original = Json.Parse(Live);
        StrategicMergePatch.Apply(original, Json.Parse("{'spec':{'containers':[{'name':'nginx','image':'x'}]}}"), PatchSchema.Pod);
        Json.Equal(Live, original);
    }
}
