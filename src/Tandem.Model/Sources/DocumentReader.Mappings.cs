using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tandem.Model.Sources;

/// <summary>Mappings: keys as JSON can hold them, duplicate keys, and YAML merge keys (<c>&lt;&lt;</c>).</summary>
internal sealed partial class DocumentReader
{
    private const string MergeKey = "<<";

    private BuiltNode ReadMapping(MappingStart start, SourceLocation at, int depth)
    {
        CheckDepth(depth, at);
        CheckCollectionTag(start.Tag, YamlTags.Map, "mapping", at);
        Count(at);
        Open(start.Anchor);
        var mapping = new JsonObject();
        _positions.Add(mapping, at);
        SourceLocation? mergeAt = null;
        List<BuiltNode>? merges = null;
        long size = 1;
        var height = 1;
        while (_parser.Current is not MappingEnd)
        {
            var keyAt = At(_parser.Current!.Start);
            if (IsMergeKey(_parser.Current))
            {
                CheckUnique(MergeKey, keyAt, mergeAt);
                mergeAt = keyAt;
                Next();
                merges ??= [];
                ReadMergeSources(depth, merges);
                continue;
            }
            var key = ReadKey(keyAt);
            CheckUnique(key, keyAt, mapping.ContainsKey(key) ? _positions.OfKey(mapping, key) : null);
            var value = ReadNode(depth + 1);
            mapping[key] = value.Node;
            _positions.AddKey(mapping, key, keyAt);
            size += value.Size;
            height = Math.Max(height, value.Height + 1);
        }
        Next();
        if (merges is not null)
        {
            size += Merge(mapping, merges);
            height = Math.Max(height, merges.Max(source => source.Height));
        }
        return Anchor(start.Anchor, new BuiltNode(mapping, size, height, at));
    }

    // kubectl decodes strictly and refuses duplicate keys, and so does the API server.
    private static void CheckUnique(string key, SourceLocation at, SourceLocation? first)
    {
        if (first is { } earlier)
        {
            throw Fail(at, $"duplicate key \"{key}\" in a mapping (first at {earlier.Line}:{earlier.Column}); remove one of them");
        }
    }

    private static bool IsMergeKey(ParsingEvent? key) => key is Scalar { Value: MergeKey, Style: ScalarStyle.Plain } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:merge");

    /// <summary>
    /// A key as sigs.k8s.io/yaml turns it into a JSON property name: typed like any plain scalar,
    /// then printed (<c>on:</c> becomes "true", <c>0644:</c> becomes "420").
    /// </summary>
    private string ReadKey(SourceLocation at)
    {
        var current = _parser.Current;
        Next();
        if (current is Scalar { Value.Length: 0, Style: ScalarStyle.Plain, Tag.IsEmpty: true })
        {
            // YamlDotNet gives a missing key no position of its own; its value has one.
            throw Fail(At(_parser.Current!.Start), "this value has no key (a line that starts with ':'?); "
                + "add the key, or quote it (\"\") if an empty key is really meant");
        }
        var key = current switch
        {
            Scalar scalar => KeyText(Anchor(scalar.Anchor, KeyNode(scalar, at)).Node, at),
            AnchorAlias alias => KeyText(Resolve(alias.Value, at), at),
            _ => throw Fail(at, $"a mapping key is a {(current is MappingStart ? "mapping" : "list")}, but JSON keys "
                + "are text; use a plain key such as name:"),
        };
        if (key.Length > _options.MaxKeyLength)
        {
            throw Fail(at, $"a key is {key.Length:N0} characters long, more than the {_options.MaxKeyLength:N0} allowed"
                + "; check that a value was not indented as a key");
        }
        return key;
    }

    private BuiltNode KeyNode(Scalar scalar, SourceLocation at)
    {
        if (scalar.Value.Length > _options.MaxKeyLength)
        {
            throw Fail(at, $"a key is {scalar.Value.Length:N0} characters long, more than the {_options.MaxKeyLength:N0} "
                + "allowed; check that a value was not indented as a key");
        }
        return new BuiltNode(ScalarConverter.Convert(scalar, at), 1, 1, at);
    }

    private static string KeyText(BuiltNode key, SourceLocation at) => KeyText(key.Node, at);

    private static string KeyText(JsonNode? key, SourceLocation at) => key switch
    {
        null => throw Fail(at, "a mapping key is null (written as ~, null or nothing); JSON keys are text: "
            + "quote it (\"null\") if you meant the word, or add the missing key"),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue value when value.TryGetValue<long>(out var integer) => integer.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<double>(out var number) => number.ToString("R", CultureInfo.InvariantCulture),
        _ => throw Fail(at, "a mapping key must be a single value; use a plain key such as name:"),
    };

    /// <summary>Reads the value of a merge key: a mapping, or a list of mappings, aliased or written out.</summary>
    private void ReadMergeSources(int depth, List<BuiltNode> sources)
    {
        var at = At(_parser.Current!.Start);
        if (_parser.Current is AnchorAlias alias)
        {
            // Read straight from the anchored original: its entries are copied one by one below.
            Next();
            var anchored = Resolve(alias.Value, at);
            CheckDepth(depth - 1 + anchored.Height, at);
            sources.Add(RequireMapping(anchored with { At = at }));
            return;
        }
        var value = ReadNode(depth + 1);
        if (value.Node is JsonArray list)
        {
            foreach (var item in list)
            {
                var target = _expansion.Resolve(item);
                var itemAt = target is null ? at : _positions.Of(target) ?? at;
                sources.Add(RequireMapping(new BuiltNode(target, 0, value.Height - 1, itemAt)));
            }
            return;
        }
        sources.Add(RequireMapping(value));
    }

    private static BuiltNode RequireMapping(BuiltNode source) => source.Node is JsonObject
        ? source
        : throw Fail(source.At, "the value of a merge key (<<) must be a mapping or a list of mappings, such as "
            + "<<: *defaults or <<: [*a, *b]; fix the value or write the keys out");

    /// <summary>
    /// Adds the merged entries to <paramref name="mapping"/>. Keys written in the mapping itself
    /// win, and among merged mappings the earlier one wins (YAML merge key spec, go-yaml v2).
    /// Returns the number of values copied.
    /// </summary>
    private long Merge(JsonObject mapping, List<BuiltNode> sources)
    {
        long added = 0;
        foreach (var source in sources)
        {
            foreach (var (name, value) in (JsonObject)source.Node!)
            {
                if (mapping.ContainsKey(name))
                {
                    continue;
                }
                var size = _expansion.Count(value);
                if (_nodes + size > _options.MaxNodes)
                {
                    throw Fail(source.At, $"merging this mapping would take the file past {_options.MaxNodes:N0} values"
                        + "; this looks like an alias bomb: use fewer or smaller merges");
                }
                _nodes += size;
                added += size;
                mapping[name] = _expansion.Use(value, null, size);
                _positions.CopyKey((JsonObject)source.Node, mapping, name);
            }
        }
        return added;
    }
}
