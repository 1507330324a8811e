using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tandem.Model.CoreV1;
using Tandem.Model.Validation;
using Tandem.Node.Logs;
using Tandem.Server.Http;

namespace Tandem.Server.Logs;

/// <summary>The PodLogOptions of a <c>pods/log</c> request (spec 10), checked with the apiserver's messages.</summary>
internal sealed record LogRequest(string? Container, bool Previous, LogReadOptions Read)
{
    public static LogRequest Parse(IQueryCollection query, DateTimeOffset now)
    {
        var container = query["container"].FirstOrDefault();
        if (!string.IsNullOrEmpty(container) && NameRules.Dns1123Label(container).Count > 0)
        {
            throw Errors.BadRequest($"container {container} is not valid: a container name must be a lowercase RFC 1123 label");
        }
        var sinceSeconds = Number(query, "sinceSeconds");
        var sinceTimeText = query["sinceTime"].FirstOrDefault();
        if (sinceSeconds is not null && !string.IsNullOrEmpty(sinceTimeText))
        {
            throw Errors.BadRequest("at most one of `sinceTime` or `sinceSeconds` may be specified");
        }
        if (sinceSeconds is < 1)
        {
            throw Errors.BadRequest($"PodLogOptions is invalid: sinceSeconds: Invalid value: {sinceSeconds}: must be greater than 0");
        }
        DateTimeOffset? since = sinceSeconds is { } seconds ? now - TimeSpan.FromSeconds(seconds) : null;
        if (!string.IsNullOrEmpty(sinceTimeText))
        {
            since = DateTimeOffset.TryParse(sinceTimeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw Errors.BadRequest($"PodLogOptions is invalid: sinceTime: Invalid value: \"{sinceTimeText}\": must be an RFC 3339 time");
        }
        var tail = Number(query, "tailLines");
        if (tail is < 0)
        {
            throw Errors.BadRequest($"PodLogOptions is invalid: tailLines: Invalid value: {tail}: must be greater than or equal to 0");
        }
        var limit = Number(query, "limitBytes");
        if (limit is < 1)
        {
            throw Errors.BadRequest($"PodLogOptions is invalid: limitBytes: Invalid value: {limit}: must be greater than 0");
        }
        var stream = query["stream"].FirstOrDefault();
        return new LogRequest(string.IsNullOrEmpty(container) ? null : container, ListQuery.Flag(query, "previous"), new LogReadOptions
        {
            Follow = ListQuery.Flag(query, "follow"),
            TailLines = tail,
            Since = since,
            Timestamps = ListQuery.Flag(query, "timestamps"),
            LimitBytes = limit,
            Streams = stream switch
            {
                null or "" or "All" => LogStreamSelection.All,
                "Stdout" => LogStreamSelection.Stdout,
                "Stderr" => LogStreamSelection.Stderr,
                _ => throw Errors.BadRequest($"PodLogOptions is invalid: stream: Unsupported value: \"{stream}\": supported values: \"All\", \"Stdout\", \"Stderr\""),
            },
        });
    }

    /// <summary>The container to read: the one asked for, or the only one; the apiserver's 400s otherwise.</summary>
    public string ChooseContainer(Pod pod)
    {
        var name = pod.Metadata?.Name ?? "";
        var containers = (pod.Spec?.Containers ?? []).Select(c => c.Name!).ToList();
        var init = (pod.Spec?.InitContainers ?? []).Select(c => c.Name!).ToList();
        if (Container is null)
        {
            if (containers.Count == 1)
            {
                return containers[0];
            }
            var message = $"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]";
            throw Errors.BadRequest(init.Count > 0 ? message + $" or one of the init containers: [{string.Join(' ', init)}]" : message);
        }
        return containers.Contains(Container) || init.Contains(Container)
            ? Container
            : throw Errors.BadRequest($"container {Container} is not valid for pod {name}");
    }

    private static long? Number(IQueryCollection query, string name)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Errors.BadRequest($"PodLogOptions is invalid: {name}: Invalid value: \"{text}\": must be an integer");
    }
}
