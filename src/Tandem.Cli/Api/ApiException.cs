using Tandem.Model.Meta;

namespace Tandem.Cli.Api;

/// <summary>The API server refused a request; <see cref="Status"/> is what it said (or what we made of a non-Status body).</summary>
public sealed class ApiException(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;

    public int Code => Status.Code ?? 0;

    public string? Reason => Status.Reason;

    public bool IsNotFound => Code == 404;
}
