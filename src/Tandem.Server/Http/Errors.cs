using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Server.Http;

/// <summary>
/// The Status objects the apiserver answers with (apimachinery <c>pkg/api/errors</c>): same code, reason, message
/// and details, so kubectl prints the words a cluster would (<c>Error from server (NotFound): pods "x" not found</c>).
/// </summary>
internal static class Errors
{
    public static ApiError NotFound(string resource, string name) =>
        Fail(404, "NotFound", $"{resource} \"{name}\" not found", new StatusDetails { Name = name, Kind = resource });

    public static ApiError AlreadyExists(string resource, string name) =>
        Fail(409, "AlreadyExists", $"{resource} \"{name}\" already exists", new StatusDetails { Name = name, Kind = resource });

    /// <summary>Optimistic concurrency: the object changed since the client read it.</summary>
    public static ApiError Conflict(string resource, string name, string why) =>
        Fail(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {why}", new StatusDetails { Name = name, Kind = resource });

    public static ApiError BadRequest(string message) => Fail(400, "BadRequest", message, null);

    public static ApiError MethodNotAllowed(string message) => Fail(405, "MethodNotAllowed", message, null);

    public static ApiError UnsupportedMediaType(string contentType) =>
        Fail(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/strategic-merge-patch+json, application/merge-patch+json, application/json-patch+json, application/apply-patch+yaml (got {contentType})", null);

    public static ApiError TooLarge(long limit) =>
        Fail(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}", null);

    public static ApiError Unauthorized() => Fail(401, "Unauthorized", "Unauthorized", null);

    public static ApiError Forbidden(string message) => Fail(403, "Forbidden", message, null);

    public static ApiError ResourceNotFound() => Fail(404, "NotFound", "the server could not find the requested resource", new StatusDetails());

    public static ApiError Expired(string message) => Fail(410, "Expired", message, null);

    public static ApiError Internal(string message) => Fail(500, "InternalError", $"Internal error occurred: {message}", null);

    /// <summary>
    /// 422 Invalid with one cause per field error; kubectl prints <c>The Pod "bad" is invalid: spec.x: Required value</c>
    /// from details.kind, details.name and the causes, ignoring the message.
    /// </summary>
    public static ApiError Invalid(string kind, string name, IReadOnlyList<FieldError> errors) =>
        Fail(422, "Invalid", InvalidObjectMessage.Format(kind, name, errors), new StatusDetails
        {
            Name = name,
            Kind = kind,
            Causes = [.. errors.Select(e => new StatusCause { Reason = CauseReason(e.Type), Message = e.Body, Field = e.Field.ToString() })],
        });

    public static Status Status(int code, string reason, string message, StatusDetails? details) =>
        new() { Outcome = "Failure", Code = code, Reason = reason, Message = message, Details = details };

    private static ApiError Fail(int code, string reason, string message, StatusDetails? details) =>
        new(Status(code, reason, message, details));

    // apimachinery field.ErrorType's String(): the cause reasons kubectl and clients match on.
    private static string CauseReason(FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "FieldValueNotFound",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.Internal => "InternalError",
        _ => "FieldValueTypeInvalid",
    };
}
