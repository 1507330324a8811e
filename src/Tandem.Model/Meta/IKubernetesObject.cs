namespace Tandem.Model.Meta;

/// <summary>A top-level API object: it has a kind, an API version and metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; }

    string? Kind { get; }

    ObjectMeta? Metadata { get; }
}
