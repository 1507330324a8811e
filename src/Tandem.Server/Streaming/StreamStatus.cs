using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;

namespace Tandem.Server.Streaming;

/// <summary>
/// The <see cref="Status"/> objects of the streaming endpoints: the errors answered before an upgrade, and the
/// outcome of a command written on the error channel at the end of a session (spec §11.3).
/// </summary>
internal static class StreamStatus
{
    public static Status NotFound(string kind, string name) => Failure(404, "NotFound", $"{kind} \"{name}\" not found",
        new StatusDetails { Name = name, Kind = kind });

    public static Status BadRequest(string message) => Failure(400, "BadRequest", message);

    public static Status Forbidden(string message) => Failure(403, "Forbidden", message);

    public static Status Failure(int code, string reason, string message, StatusDetails? details = null) => new()
    {
        Outcome = "Failure",
        Code = code,
        Reason = reason,
        Message = message,
        Details = details,
    };

    /// <summary>
    /// How the kubelet reports a command's end: Success, or NonZeroExitCode with the code as the ExitCode cause, which
    /// kubectl parses to exit with the same code.
    /// </summary>
    public static Status Exited(int exitCode) => exitCode == 0
        ? new Status { ApiVersion = null, Kind = null, Outcome = "Success" }
        : new Status
        {
            ApiVersion = null,
            Kind = null,
            Outcome = "Failure",
            Reason = "NonZeroExitCode",
            Message = $"command terminated with non-zero exit code: exit status {exitCode}",
            Details = new StatusDetails
            {
                Causes = [new StatusCause { Reason = "ExitCode", Message = exitCode.ToString(CultureInfo.InvariantCulture) }],
            },
        };

    /// <summary>The kubelet's answer when the command could not run at all (kubectl prints <c>error: …</c>, exit 1).</summary>
    public static Status CouldNotRun(string message) => new()
    {
        ApiVersion = null,
        Kind = null,
        Outcome = "Failure",
        Reason = "InternalError",
        Code = 500,
        Message = $"Internal error occurred: error executing command in container: {message}",
        Details = new StatusDetails { Causes = [new StatusCause { Message = $"error executing command in container: {message}" }] },
    };

    public static byte[] ToJson(Status status) => JsonSerializer.SerializeToUtf8Bytes(status, KubernetesJsonContext.Default.Status);

    public static async Task WriteAsync(HttpContext context, Status status)
    {
        context.Response.StatusCode = status.Code ?? 500;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ToJson(status with { ApiVersion = "v1", Kind = "Status" }), context.RequestAborted).ConfigureAwait(false);
    }
}
