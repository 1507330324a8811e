using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Server.Http;
using Tandem.Server.Selectors;

namespace Tandem.Server.Storage;

/// <summary>Turns a namespace and the label and field selectors of a request into the predicate lists and watches use.</summary>
internal static class ObjectFilter
{
    public static Func<StoredObject, bool> For(ResourceKind kind, string? @namespace, ListQuery query)
    {
        if (!LabelSelector.TryParse(query.LabelSelector, out var labels, out var labelError))
        {
            throw Errors.BadRequest($"unable to parse requirement: {labelError}");
        }
        if (!FieldSelector.TryParse(query.FieldSelector, out var fields, out var fieldError))
        {
            throw Errors.BadRequest(fieldError!);
        }
        if (!fields.IsEmpty && FieldSets.ForResource(kind.Resource)?.Validate(fields) is { } unsupported)
        {
            throw Errors.BadRequest(unsupported);
        }
        if (labels.IsEmpty && fields.IsEmpty)
        {
            return @namespace is null ? static _ => true : stored => stored.Namespace == @namespace;
        }
        return stored => (@namespace is null || stored.Namespace == @namespace)
            && labels.Matches(stored.Object.Metadata?.Labels)
            && (fields.IsEmpty || fields.Matches(FieldsOf(stored.Object)));
    }

    private static Func<string, string?> FieldsOf(IKubernetesObject value) => value switch
    {
        Pod pod => FieldSets.Pod(pod),
        Event e => FieldSets.Event(e),
        ConfigMap configMap => FieldSets.ConfigMap(configMap),
        Secret secret => FieldSets.Secret(secret),
        Namespace ns => FieldSets.Namespace(ns),
        _ => _ => null,
    };
}
