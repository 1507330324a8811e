using System.Text.Json.Nodes;
using Tandem.Model.Defaulting;
using Tandem.Model.Serialization;
using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Manifests;

/// <summary>
/// The one path from manifest text to objects that every command shares: read the YAML, decode
/// strictly, apply the API server's defaults, validate. Problems from every document are
/// collected; an invalid object is reported and left out, the others are returned.
/// </summary>
public static class ManifestLoader
{
    public static LoadedManifest LoadFile(string path, ManifestReaderOptions? options = null) =>
        FromReadResult(path, ManifestReader.ReadFile(path, options));

    public static LoadedManifest Load(string text, string sourceName, ManifestReaderOptions? options = null) =>
        FromReadResult(sourceName, ManifestReader.Read(text, sourceName, options));

    private static LoadedManifest FromReadResult(string file, ManifestReadResult read)
    {
        if (!read.IsSuccess)
        {
            return new LoadedManifest(file, [], [new ManifestProblem(read.Error.Location, read.Error.Message, null, null)]) { Unreadable = true };
        }
        var objects = new List<LoadedObject>();
        var problems = new List<ManifestProblem>();
        foreach (var document in read.Documents)
        {
            var decoded = ObjectDecoder.Decode(document.Content);
            foreach (var error in decoded.Errors)
            {
                problems.Add(Locate(document, null, error, NameOf(document)));
            }
            foreach (var item in decoded.Objects)
            {
                var defaulted = ObjectDefaults.Apply(item.Object);
                var loaded = new LoadedObject(item.Object, defaulted, document, item.PathPrefix);
                var errors = ObjectValidator.Validate(defaulted);
                if (errors.Count == 0)
                {
                    objects.Add(loaded);
                    continue;
                }
                foreach (var error in errors)
                {
                    problems.Add(Locate(document, item.PathPrefix, error, loaded.DisplayName));
                }
            }
        }
        return new LoadedManifest(file, objects, problems);
    }

    private static ManifestProblem Locate(ManifestDocument document, FieldPath? prefix, FieldError error, string? objectName)
    {
        var path = prefix is null ? error.Field : prefix.Append(error.Field);
        // An unknown field is best shown at its key: the value may be a whole block.
        var location = error.Type == FieldErrorType.Unknown && KeyLocation(document, path) is { } key ? key : document.Map.Locate(path);
        var message = objectName is null ? error.ToString() : $"{objectName}: {error}";
        return new ManifestProblem(location, message, error, objectName);
    }

    private static Sources.SourceLocation? KeyLocation(ManifestDocument document, FieldPath path)
    {
        var steps = path.Steps();
        JsonNode? parent = document.Content;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            parent = (step.Name ?? step.Key) is { } name ? (parent as JsonObject)?[name] : (parent as JsonArray)?.ElementAtOrDefault(step.Index);
        }
        var last = steps[^1];
        return parent is JsonObject mapping && (last.Name ?? last.Key) is { } field ? document.Map.OfKey(mapping, field) : null;
    }

    private static string? NameOf(ManifestDocument document)
    {
        var kind = document.Content["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)document.Content["kind"] : null;
        var name = document.Content["metadata"]?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)document.Content["metadata"]?["name"] : null;
        return kind is null ? null : $"{kind}/{name ?? "(unnamed)"}";
    }
}
