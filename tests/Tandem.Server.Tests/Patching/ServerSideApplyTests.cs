using System.Text.Json.Nodes;
using Tandem.Server.Patching;
using Tandem.Server.Patching.Apply;

namespace Tandem.Server.Tests.Patching;

public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Applied = """
        {'apiVersion':'v1','kind':'Pod','metadata':{'name':'ssa','namespace':'other','labels':{'app':'x','tier':'web'}},
         'spec':{'containers':[{'command':['sleep','3600'],'image':'busybox:1.36','name':'app','ports':[{'containerPort':80}],
                                'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}
        """;

    private static JsonObject Obj(string json) => Json.Parse(json).AsObject();

    private static ApplyResult Apply(JsonObject? live, string applied, string manager = "kubectl", bool force = false, int seconds = 0) =>
        ServerSideApply.Apply(live, Obj(applied), manager, force, T0.AddSeconds(seconds), PatchSchema.Pod);

    private static JsonArray ManagedFields(JsonObject obj) => obj["metadata"]!["managedFields"]!.AsArray();

    [Fact]
    public void Create_RecordsTheApplyEntryInFieldsV1()
    {
        var result = Apply(null, Applied);
        Assert.True(result.Created);
        var pod = result.Object!;
        Assert.Equal("busybox:1.36", (string?)pod["spec"]!["containers"]![0]!["image"]);
        var entry = Assert.Single(ManagedFields(pod))!;
        Assert.Equal("kubectl", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        Json.Equal("""
            {'f:metadata':{'f:labels':{'f:app':{},'f:tier':{}}},
             'f:spec':{'f:containers':{'k:{\'name\':\'app\'}':{'.':{},'f:command':{},
                'f:env':{'k:{\'name\':\'A\'}':{'.':{},'f:name':{},'f:value':{}},'k:{\'name\':\'B\'}':{'.':{},'f:name':{},'f:value':{}}},
                'f:image':{},'f:name':{},
                'f:ports':{'k:{\'containerPort\':80,\'protocol\':\'TCP\'}':{'.':{},'f:containerPort':{}}}}}}}
            """.Replace("\\'", "\\\""), entry["fieldsV1"]);
        Assert.Equal("""["manager","operation","apiVersion","time","fieldsType","fieldsV1"]""", new JsonArray([.. entry.AsObject().Select(p => (JsonNode?)p.Key)]).ToJsonString());
    }

    [Fact]
    public void Reapply_ByTheSameManager_RemovesWhatItNoLongerApplies()
    {
        var live = Apply(null, Applied).Object!;
        var result = Apply(live, """
            {'apiVersion':'v1','kind':'Pod','metadata':{'name':'ssa','namespace':'other','labels':{'app':'x'}},
             'spec':{'containers':[{'image':'busybox:1.37','name':'app','env':[{'name':'B','value':'3'}]}]}}
            """, seconds: 5);
        Assert.False(result.Created);
        var pod = result.Object!;
        Json.Equal("{'app':'x'}", pod["metadata"]!["labels"]);
        var app = pod["spec"]!["containers"]![0]!.AsObject();
        Assert.Equal("busybox:1.37", (string?)app["image"]);
        Assert.False(app.ContainsKey("command"));
        Assert.False(app.ContainsKey("ports"));
        Json.Equal("[{'name':'B','value':'3'}]", app["env"]);
        Assert.Equal("2026-01-01T00:00:05Z", (string?)Assert.Single(ManagedFields(pod))!["time"]);
    }

    [Fact]
    public void Apply_KeepsFieldsNobodyApplied()
    {
        var live = Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'ssa','uid':'u1','resourceVersion':'9'},'spec':{'restartPolicy':'Always','containers':[{'name':'app','image':'a','terminationMessagePath':'/dev/termination-log'}]},'status':{'phase':'Running'}}");
        var pod = Apply(live, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'ssa','uid':'other'},'spec':{'containers':[{'name':'app','image':'b'}]},'status':{'phase':'Failed'}}").Object!;
        Assert.Equal("Always", (string?)pod["spec"]!["restartPolicy"]);
        Assert.Equal("/dev/termination-log", (string?)pod["spec"]!["containers"]![0]!["terminationMessagePath"]);
        Assert.Equal("b", (string?)pod["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("Running", (string?)pod["status"]!["phase"]);
        Assert.Equal("u1", (string?)pod["metadata"]!["uid"]);
    }

    [Fact]
    public void ChangingAFieldOwnedByClientSideApply_Conflicts()
    {
        var manifest = Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'default'},'spec':{'containers':[{'name':'nginx','image':'nginx:1.26'}]}}");
        var live = ManagedFieldsRecorder.RecordUpdate(null, manifest, "kubectl-client-side-apply", T0, PatchSchema.Pod);
        var result = Apply(live, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'default'},'spec':{'containers':[{'name':'nginx','image':'nginx:1.27'}]}}");
        Assert.False(result.Succeeded);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("conflict with \"kubectl-client-side-apply\" using v1", conflict.Message);
        Assert.Equal(".spec.containers[name=\"nginx\"].image", conflict.Field);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .spec.containers[name=\"nginx\"].image", result.ConflictMessage);
    }

    [Fact]
    public void Force_TakesOwnershipFromTheOtherManager()
    {
        var manifest = Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','labels':{'a':'1'}},'spec':{'containers':[{'name':'nginx','image':'nginx:1.26'}]}}");
        var live = ManagedFieldsRecorder.RecordUpdate(null, manifest, "kubectl-client-side-apply", T0, PatchSchema.Pod);
        var result = Apply(live, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web'},'spec':{'containers':[{'name':'nginx','image':'nginx:1.27'}]}}", force: true);
        var pod = result.Object!;
        Assert.Equal("nginx:1.27", (string?)pod["spec"]!["containers"]![0]!["image"]);
        var entries = ManagedFields(pod);
        Assert.Equal(["kubectl-client-side-apply", "kubectl"], entries.Select(e => (string?)e!["manager"]));
        var csa = entries[0]!["fieldsV1"]!.ToJsonString();
        Assert.DoesNotContain("f:image", csa);
        Assert.Contains("f:labels", csa);
        Assert.Contains("f:image", entries[1]!["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void SameValueAsAnotherManager_IsSharedAndKeptWhenOneStops()
    {
        var first = Apply(null, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'shared':'1'}},'spec':{'containers':[{'name':'c','image':'i'}]}}", manager: "one").Object!;
        var second = Apply(first, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'shared':'1','own':'2'}}}", manager: "two");
        Assert.True(second.Succeeded);
        var third = Apply(second.Object, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i'}]}}", manager: "one").Object!;
        Json.Equal("{'shared':'1','own':'2'}", third["metadata"]!["labels"]);
    }

    [Fact]
    public void ConflictsWithSeveralManagers_AreListedPerManager()
    {
        var live = Apply(null, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'a':'1','b':'1'}}}", manager: "one").Object!;
        var result = Apply(live, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'a':'2','b':'2'}}}", manager: "two");
        Assert.Equal("Apply failed with 2 conflicts: conflicts with \"one\":\n- .metadata.labels.a\n- .metadata.labels.b", result.ConflictMessage);
    }

    [Fact]
    public void Finalizers_AreSetItems()
    {
        var pod = Apply(null, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['example.com/x']}}").Object!;
        Json.Equal("{'f:metadata':{'f:finalizers':{'v:\\'example.com/x\\'':{}}}}".Replace("\\'", "\\\""), ManagedFields(pod)[0]!["fieldsV1"]);
    }

    [Fact]
    public void ManagedFieldSet_RoundTripsFieldsV1()
    {
        var fields = Json.Parse("{'f:metadata':{'f:labels':{'.':{},'f:app':{}}},'f:spec':{'f:containers':{'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{}}}}}".Replace("\\'", "\\\""));
        var set = ManagedFieldSet.FromFieldsV1(fields);
        Assert.Equal(4, set.Count);
        Assert.True(set.Contains(["f:metadata", "f:labels"]));
        Json.Equal(fields.ToJsonString().Replace('"', '\''), set.ToFieldsV1());
    }

    [Fact]
    public void Display_UsesTheConflictNotation()
    {
        Assert.Equal(".spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"].hostPort",
            FieldPathElement.Display(["f:spec", "f:containers", "k:{\"name\":\"nginx\"}", "f:ports", "k:{\"containerPort\":80,\"protocol\":\"TCP\"}", "f:hostPort"]));
        Assert.Equal(".metadata.finalizers[=\"x\"]", FieldPathElement.Display(["f:metadata", "f:finalizers", "v:\"x\""]));
    }

    [Fact]
    public void RecordUpdate_GivesChangedFieldsToTheWriter()
    {
        var created = ManagedFieldsRecorder.RecordUpdate(null, Obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'a':'1'}}}"), "creator", T0, PatchSchema.Pod);
        var updated = (JsonObject)created.DeepClone();
        updated["metadata"]!["labels"]!["a"] = "2";
        updated["metadata"]!["labels"]!["b"] = "1";
        var result = ManagedFieldsRecorder.RecordUpdate(created, updated, "editor", T0.AddSeconds(1), PatchSchema.Pod);
        var entries = ManagedFields(result);
        Assert.Equal(["editor"], entries.Select(e => (string?)e!["manager"]));
        Json.Equal("{'f:metadata':{'f:labels':{'f:a':{},'f:b':{}}}}", entries[0]!["fieldsV1"]);
        Assert.Equal("Update", (string?)entries[0]!["operation"]);
    }
}
