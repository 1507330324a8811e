using Tandem.Model.CoreV1;

namespace Tandem.Node.Containers;

/// <summary>The ConfigMaps and Secrets of the pod's namespace that the node has stored.</summary>
public interface IObjectSource
{
    ConfigMap? FindConfigMap(string @namespace, string name);

    Secret? FindSecret(string @namespace, string name);
}
