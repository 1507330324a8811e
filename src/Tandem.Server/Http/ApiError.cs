using Tandem.Model.Meta;

namespace Tandem.Server.Http;

/// <summary>A request that failed with a Kubernetes <see cref="Model.Meta.Status"/>; the pipeline writes it as the response.</summary>
internal sealed class ApiError(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;

    public int Code => Status.Code ?? 500;
}
