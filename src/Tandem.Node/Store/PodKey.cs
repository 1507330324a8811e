namespace Tandem.Node.Store;

/// <summary>A namespaced name, the identity of a pod (and of ConfigMaps and Secrets) on the node.</summary>
public readonly record struct PodKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
