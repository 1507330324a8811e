namespace Tandem.Model.CoreV1;

/// <summary>An environment variable, given literally or taken from another source.</summary>
public sealed record EnvVar
{
    public string? Name { get; init; }

    public string? Value { get; init; }

    public EnvVarSource? ValueFrom { get; init; }
}
