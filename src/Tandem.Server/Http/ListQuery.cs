using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tandem.Server.Http;

/// <summary>The list and watch parameters of a request (metav1.ListOptions), parsed and checked.</summary>
internal sealed record ListQuery
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public bool Watch { get; init; }

    /// <summary>Null when absent or empty; 0 means "any version, starting with what exists".</summary>
    public long? ResourceVersion { get; init; }

    public int? TimeoutSeconds { get; init; }

    public bool AllowBookmarks { get; init; }

    /// <summary>Table rows' <c>object</c>: None, Metadata (default) or Object.</summary>
    public string IncludeObject { get; init; } = "Metadata";

    public static ListQuery Parse(IQueryCollection query)
    {
        var includeObject = query["includeObject"].ToString();
        if (includeObject.Length > 0 && includeObject is not ("None" or "Metadata" or "Object"))
        {
            throw Errors.BadRequest($"includeObject: Unsupported value: \"{includeObject}\": supported values: \"None\", \"Metadata\", \"Object\"");
        }
        return new ListQuery
        {
            LabelSelector = NonEmpty(query["labelSelector"]),
            FieldSelector = NonEmpty(query["fieldSelector"]),
            Watch = Flag(query, "watch"),
            ResourceVersion = Version(NonEmpty(query["resourceVersion"])),
            TimeoutSeconds = NonEmpty(query["timeoutSeconds"]) is { } timeout
                ? int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : throw Errors.BadRequest($"invalid timeoutSeconds \"{timeout}\"")
                : null,
            AllowBookmarks = Flag(query, "allowWatchBookmarks"),
            IncludeObject = includeObject.Length == 0 ? "Metadata" : includeObject,
        };
    }

    public static bool Flag(IQueryCollection query, string name) =>
        query[name].ToString() is "true" or "1" or "True";

    public static long? Version(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Errors.BadRequest($"invalid resource version \"{text}\"");
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value[0];
}
