using Tandem.Node.Logs;

namespace Tandem.Node.Tests.Logs;

public sealed class ContainerLogPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tandem-logpaths-").FullName;

    [Fact]
    public void Layout_IsTheKubeletsPodsDirectory()
    {
        var paths = new ContainerLogPaths("/var/log/pods");

        Assert.Equal("/var/log/pods/default_web_1234-abcd", paths.PodDirectory("default", "web", "1234-abcd"));
        Assert.Equal("/var/log/pods/default_web_1234-abcd/nginx", paths.ContainerDirectory("default", "web", "1234-abcd", "nginx"));
        Assert.Equal("/var/log/pods/default_web_1234-abcd/nginx/3.log", paths.InstanceLog("default", "web", "1234-abcd", "nginx", 3));
    }

    [Fact]
    public void Previous_IsTheNewestEarlierInstanceWithALog()
    {
        var paths = new ContainerLogPaths(_root);
        var directory = paths.ContainerDirectory("ns", "web", "u1", "main");
        Directory.CreateDirectory(directory);
        foreach (var name in new[] { "0.log", "1.log", "3.log", "4.log", "1.log.20260102-030405.gz", "2.log.20260102-030405", "notes.log" })
        {
            File.WriteAllText(Path.Combine(directory, name), "");
        }

        // Instance 2 never got a log (it failed before it started), so 5's previous is 4 and 4's is 3, 3's is 1.
        Assert.Equal(Path.Combine(directory, "4.log"), paths.Previous("ns", "web", "u1", "main", 5));
        Assert.Equal(Path.Combine(directory, "3.log"), paths.Previous("ns", "web", "u1", "main", 4));
        Assert.Equal(Path.Combine(directory, "1.log"), paths.Previous("ns", "web", "u1", "main", 3));
        Assert.Null(paths.Previous("ns", "web", "u1", "main", 0));
    }

    [Fact]
    public void Previous_OfAContainerWithoutLogs_IsNull()
    {
        Assert.Null(new ContainerLogPaths(_root).Previous("ns", "web", "u1", "never", 1));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
