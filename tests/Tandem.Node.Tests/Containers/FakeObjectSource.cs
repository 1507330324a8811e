using Tandem.Model.CoreV1;
using Tandem.Node.Containers;

namespace Tandem.Node.Tests.Containers;

/// <summary>ConfigMaps and Secrets held in memory, as the node's store would hold them.</summary>
internal sealed class FakeObjectSource(params object[] objects) : IObjectSource
{
    public ConfigMap? FindConfigMap(string @namespace, string name) =>
        objects.OfType<ConfigMap>().FirstOrDefault(c => c.Metadata?.Name == name && (c.Metadata.Namespace ?? "default") == @namespace);

    public Secret? FindSecret(string @namespace, string name) =>
        objects.OfType<Secret>().FirstOrDefault(s => s.Metadata?.Name == name && (s.Metadata.Namespace ?? "default") == @namespace);
}
