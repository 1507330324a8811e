using Microsoft.AspNetCore.Http;
using Tandem.Model.Meta;

namespace Tandem.Server.Streaming;

/// <summary>
/// The query of an exec or attach request (spec §11.1): <c>command</c> (repeated), <c>container</c> and the
/// <c>stdin</c>/<c>stdout</c>/<c>stderr</c>/<c>tty</c> flags; kubectl sends only the flags that are true. With a tty
/// there is no separate stderr: the terminal merges it into stdout.
/// </summary>
internal sealed record RemoteCommandOptions(IReadOnlyList<string> Command, string? Container, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    public static RemoteCommandOptions Parse(IQueryCollection query)
    {
        var tty = Flag(query, "tty");
        return new RemoteCommandOptions(
            [.. query["command"].Where(c => c is not null).Select(c => c!)],
            query["container"].FirstOrDefault() is { Length: > 0 } container ? container : null,
            Flag(query, "stdin"),
            Flag(query, "stdout"),
            Flag(query, "stderr") && !tty,
            tty);
    }

    /// <summary>The API server's own checks of PodExecOptions/PodAttachOptions, with its messages.</summary>
    public Status? Validate(PodStreamKind kind)
    {
        if (kind == PodStreamKind.Exec && Command.Count == 0)
        {
            return StreamStatus.BadRequest("you must specify at least one command for the container");
        }
        if (!Stdin && !Stdout && !Stderr)
        {
            return StreamStatus.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
        }
        return null;
    }

    /// <summary>Query booleans as the API server converts them: <c>true</c>/<c>1</c> (any case) is true.</summary>
    private static bool Flag(IQueryCollection query, string name)
    {
        var value = query[name].FirstOrDefault();
        return value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
    }
}
