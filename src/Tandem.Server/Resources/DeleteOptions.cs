namespace Tandem.Server.Resources;

/// <summary>The body of a DELETE (metav1.DeleteOptions); kubectl always sends one.</summary>
internal sealed record DeleteOptions
{
    public string? Kind { get; init; }

    public string? ApiVersion { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public DeletePreconditions? Preconditions { get; init; }

    public string? PropagationPolicy { get; init; }

    public IReadOnlyList<string>? DryRun { get; init; }
}

/// <summary>What must still hold for a delete to go ahead.</summary>
internal sealed record DeletePreconditions
{
    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }
}
