using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Node.Store;

namespace Tandem.Node.Tests.Store;

public sealed class ObjectStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tandem-store-").FullName;

    [Fact]
    public void SavedObjects_AreFoundAgain_ByANewStoreOnTheSameDirectory()
    {
        var store = new ObjectStore(_root);
        store.SavePod(new Pod { Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "u1" }, Status = new PodStatus { Phase = "Running" } });
        store.SaveConfigMap(new ConfigMap { Metadata = new ObjectMeta { Name = "settings", Namespace = "team" }, Data = new Dictionary<string, string> { ["a"] = "1" } });
        store.SaveSecret(new Secret { Metadata = new ObjectMeta { Name = "key", Namespace = "team" } });

        var reopened = new ObjectStore(_root);

        Assert.Equal("Running", reopened.FindPod(new PodKey("default", "web"))!.Status!.Phase);
        Assert.Equal("1", reopened.FindConfigMap("team", "settings")!.Data!["a"]);
        Assert.NotNull(reopened.FindSecret("team", "key"));
        Assert.Null(reopened.FindConfigMap("default", "settings"));
    }

    [Fact]
    public void RemovedPod_IsGoneFromMemoryAndDisk()
    {
        var store = new ObjectStore(_root);
        store.SavePod(new Pod { Metadata = new ObjectMeta { Name = "web", Namespace = "default" } });

        store.RemovePod(new PodKey("default", "web"));

        Assert.Null(store.FindPod(new PodKey("default", "web")));
        Assert.Empty(new ObjectStore(_root).Pods);
    }

    [Fact]
    public void Save_LeavesNoTemporaryFileBehind()
    {
        var store = new ObjectStore(_root);
        for (var i = 0; i < 5; i++)
        {
            store.SavePod(new Pod { Metadata = new ObjectMeta { Name = "web", Namespace = "default", ResourceVersion = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }

        Assert.Equal(["default_web.json"], Directory.EnumerateFiles(Path.Combine(_root, "pods")).Select(Path.GetFileName));
        Assert.Equal("4", new ObjectStore(_root).FindPod(new PodKey("default", "web"))!.Metadata!.ResourceVersion);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
