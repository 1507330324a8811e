namespace Tandem.Model.CoreV1;

/// <summary>Where an environment variable's value comes from (exactly one source).</summary>
public sealed record EnvVarSource
{
    public ObjectFieldSelector? FieldRef { get; init; }

    public ResourceFieldSelector? ResourceFieldRef { get; init; }

    public ConfigMapKeySelector? ConfigMapKeyRef { get; init; }

    public SecretKeySelector? SecretKeyRef { get; init; }
}
