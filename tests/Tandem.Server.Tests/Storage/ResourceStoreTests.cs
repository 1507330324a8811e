using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Tests.Storage;

public sealed class ResourceStoreTests
{
    private static ConfigMap Map(string name, string? label = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = name, Labels = label is null ? null : new Dictionary<string, string> { ["app"] = label } },
    };

    private static List<WatchEvent> Drain(Watcher watcher)
    {
        var events = new List<WatchEvent>();
        while (watcher.Events.TryRead(out var change))
        {
            events.Add(change);
        }
        return events;
    }

    [Fact]
    public void EveryChange_GetsTheNextVersionOfOneCounterAcrossKinds()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 100);
        var a = store.Create(ResourceKinds.ConfigMaps, Map("a"));
        var ns = store.Create(ResourceKinds.Namespaces, new Namespace { Metadata = new ObjectMeta { Name = "x" } });
        var b = store.Put(ResourceKinds.ConfigMaps, Map("a"));
        Assert.Equal([1L, 2L, 3L], [a.ResourceVersion, ns.ResourceVersion, b.ResourceVersion]);
        Assert.Equal("3", store.Get(ResourceKinds.ConfigMaps, "default", "a")!.Object.Metadata!.ResourceVersion);
    }

    [Fact]
    public void WatchFromAListVersion_ReplaysEveryLaterChangeInOrder()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 100);
        store.Create(ResourceKinds.ConfigMaps, Map("a"));
        var (_, listed) = store.List(ResourceKinds.ConfigMaps, "default");
        store.Create(ResourceKinds.ConfigMaps, Map("b"));
        store.Put(ResourceKinds.ConfigMaps, Map("a"));
        store.Remove(ResourceKinds.ConfigMaps, "default", "b");
        var watcher = store.Watch(ResourceKinds.ConfigMaps, _ => true, listed);
        var events = Drain(watcher);
        Assert.Equal(["ADDED b", "MODIFIED a", "DELETED b"], events.Select(e => $"{e.Type} {e.Object.Name}"));
        Assert.Equal([2L, 3L, 4L], events.Select(e => e.ResourceVersion));
    }

    [Fact]
    public void WatchFromZero_StartsWithASyntheticAddedForEachMatch()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 100);
        store.Create(ResourceKinds.ConfigMaps, Map("a", "web"));
        store.Create(ResourceKinds.ConfigMaps, Map("b", "db"));
        var watcher = store.Watch(ResourceKinds.ConfigMaps, s => s.Object.Metadata?.Labels?["app"] == "web", 0);
        Assert.Equal(["ADDED a"], Drain(watcher).Select(e => $"{e.Type} {e.Object.Name}"));
    }

    [Fact]
    public void WatchFromAVersionOlderThanTheHistory_Is410Expired()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 3);
        for (var i = 0; i < 6; i++)
        {
            store.Put(ResourceKinds.ConfigMaps, Map("a"));
        }
        var error = Assert.Throws<ApiError>(() => store.Watch(ResourceKinds.ConfigMaps, _ => true, 1));
        Assert.Equal(410, error.Code);
        Assert.Equal("Expired", error.Status.Reason);
        Assert.Equal(2, Drain(store.Watch(ResourceKinds.ConfigMaps, _ => true, 4)).Count);
    }

    [Fact]
    public void ObjectLeavingAndEnteringTheSelector_IsDeletedAndAddedForThatWatch()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 100);
        store.Create(ResourceKinds.ConfigMaps, Map("a", "web"));
        var watcher = store.Watch(ResourceKinds.ConfigMaps, s => s.Object.Metadata?.Labels?.GetValueOrDefault("app") == "web", store.CurrentVersion);
        store.Put(ResourceKinds.ConfigMaps, Map("a", "db"));
        store.Put(ResourceKinds.ConfigMaps, Map("a", "web"));
        store.Put(ResourceKinds.ConfigMaps, Map("a", "web"));
        Assert.Equal(["DELETED", "ADDED", "MODIFIED"], Drain(watcher).Select(e => e.Type));
    }

    [Fact]
    public void Put_WithAStaleExpectedVersion_IsConflict()
    {
        var store = new ResourceStore(new ResourceVersionCounter(null), 100);
        var first = store.Create(ResourceKinds.ConfigMaps, Map("a"));
        store.Put(ResourceKinds.ConfigMaps, Map("a"));
        var error = Assert.Throws<ApiError>(() => store.Put(ResourceKinds.ConfigMaps, Map("a"), expectedVersion: first.ResourceVersion));
        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Status.Reason);
    }

    [Fact]
    public void Counter_KeepsIncreasingAfterARestart()
    {
        var path = Path.Combine(Path.GetTempPath(), "tandem-rv-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new ResourceVersionCounter(path);
            long last = 0;
            for (var i = 0; i < 5; i++)
            {
                last = first.Next();
            }
            var restarted = new ResourceVersionCounter(path);
            Assert.True(restarted.Next() > last);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
