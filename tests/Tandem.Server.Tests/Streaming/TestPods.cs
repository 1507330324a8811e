using Tandem.Model.CoreV1;
using Tandem.Model.Meta;

namespace Tandem.Server.Tests.Streaming;

/// <summary>The pods the streaming test host serves: <c>web</c> runs, <c>done</c> has succeeded.</summary>
internal static class TestPods
{
    public static Pod? Find(string @namespace, string name) => (@namespace, name) switch
    {
        ("default", "web") => Make(name, "Running"),
        ("default", "done") => Make(name, "Succeeded"),
        _ => null,
    };

    private static Pod Make(string name, string phase) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = $"uid-{name}", ResourceVersion = "1" },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] },
        Status = new PodStatus { Phase = phase },
    };
}
