using System.Text.Json.Nodes;
using Tandem.Cli.Api;
using Tandem.Model.Sources;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// The objects of <c>-f</c> sources (files, directories of .yaml/.yml/.json, or <c>-</c> for stdin) as kubectl sends
/// them: the JSON of each document as written (the server applies defaults and validates), <c>kind: List</c>
/// flattened, each with its resource type and the namespace it goes to.
/// </summary>
public static class ManifestObjects
{
    public sealed record Item(JsonObject Body, ResourceType Type, string? Namespace, string Name, string Source)
    {
        /// <summary><c>pod/web</c>.</summary>
        public string DisplayName => $"{Type.Singular}/{Name}";
    }

    public static IReadOnlyList<Item> Read(IEnumerable<string> sources, ClientContext context)
    {
        var items = new List<Item>();
        foreach (var file in sources.SelectMany(Expand))
        {
            var read = file == ManifestReader.StandardInput ? ManifestReader.Read(Console.OpenStandardInput()) : ManifestReader.ReadFile(file);
            if (!read.IsSuccess)
            {
                throw new ClientUsageException($"error parsing {file}: {read.Error}");
            }
            foreach (var document in read.Documents)
            {
                foreach (var obj in Flatten(document.Content))
                {
                    items.Add(ToItem(obj, file, context));
                }
            }
        }
        if (items.Count == 0)
        {
            throw new ClientUsageException("no objects passed to apply");
        }
        return items;
    }

    private static IEnumerable<string> Expand(string source)
    {
        if (source == ManifestReader.StandardInput || !Directory.Exists(source))
        {
            return [source];
        }
        return Directory.EnumerateFiles(source)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject content) =>
        (string?)content["kind"] is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && content["items"] is JsonArray items
            ? items.OfType<JsonObject>().SelectMany(Flatten)
            : [content];

    private static Item ToItem(JsonObject source, string file, ClientContext context)
    {
        var body = (JsonObject)source.DeepClone();
        var kind = (string?)body["kind"];
        var apiVersion = (string?)body["apiVersion"];
        var name = (string?)body["metadata"]?["name"];
        var type = apiVersion == "v1" ? ResourceType.FromKind(kind) : null;
        if (type is null)
        {
            throw new ClientUsageException($"resource mapping not found for name: \"{name}\" namespace: \"\" from \"{file}\": no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        }
        if (string.IsNullOrEmpty(name))
        {
            throw new ClientUsageException($"error when retrieving current configuration of {type.Kind} from \"{file}\": resource name may not be empty");
        }
        string? @namespace = null;
        if (type.Namespaced)
        {
            var written = (string?)body["metadata"]?["namespace"];
            if (!string.IsNullOrEmpty(written) && context.NamespaceFromFlag && written != context.Namespace)
            {
                throw new ClientUsageException($"the namespace from the provided object \"{written}\" does not match the namespace \"{context.Namespace}\". You must pass '--namespace={written}' to perform this operation.");
            }
            @namespace = string.IsNullOrEmpty(written) ? context.Namespace : written;
            if (body["metadata"] is JsonObject metadata)
            {
                metadata["namespace"] = @namespace;
            }
        }
        return new Item(body, type, @namespace, name, file);
    }
}
