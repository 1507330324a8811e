using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// Failures as kubectl prints them (<c>pkg/cmd/util/helpers.go</c> <c>StandardErrorMessage</c>, spec §5):
/// <c>Error from server (NotFound): pods "x" not found</c>, <c>The Pod "x" is invalid: field: message</c> built from
/// the causes, and <c>error: …</c> for everything that did not come from the server.
/// </summary>
public static class ClientErrors
{
    public static string? Message(Exception exception) => exception switch
    {
        ApiException api => FromServer(api),
        KubeconfigException or ClientUsageException => $"error: {exception.Message}",
        ServerUnreachableException => exception.Message,
        IOException or InvalidDataException or System.Security.Authentication.AuthenticationException => $"error: {exception.Message}",
        _ => null,
    };

    public static string FromServer(ApiException api, string context = "")
    {
        var status = api.Status;
        if (api.Code == 401)
        {
            return "error: You must be logged in to the server (Unauthorized)";
        }
        if (status.Reason == "Invalid" && status.Details is { Causes.Count: > 0 } details)
        {
            var prefix = $"The {details.Kind} \"{details.Name}\" is invalid: ";
            var causes = details.Causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field}: {c.Message}").ToList();
            // kubectl's MultilineError: one cause on the same line, several as a bulleted list.
            return causes.Count == 1 ? prefix + causes[0] : prefix + "\n" + string.Concat(causes.Select(c => $"* {c}\n")).TrimEnd('\n');
        }
        var reason = string.IsNullOrEmpty(status.Reason) ? "Unknown" : status.Reason;
        return $"Error from server ({reason}): {context}{status.Message}";
    }
}
