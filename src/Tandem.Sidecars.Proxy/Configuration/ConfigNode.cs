using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// A YAML mapping being read at a known field path. Every read that fails records an error that
/// names the full path (<c>routes[2].upstreams[0]: ...</c>) and returns null, so one pass over a
/// bad file reports every mistake instead of the first.
/// </summary>
internal sealed class ConfigNode
{
    private readonly YamlMappingNode _map;
    private readonly List<string> _errors;

    public ConfigNode(YamlMappingNode map, string path, List<string> errors)
    {
        _map = map;
        Path = path;
        _errors = errors;
    }

    /// <summary>The field path of this mapping; empty for the document root.</summary>
    public string Path { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Error(string key, string message) => _errors.Add($"{PathOf(key)}: {message}");

    public bool Has(string key) => Find(key) is not null;

    /// <summary>Records an error for every key the schema does not know: a typo must not silently become a default.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var key in _map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                _errors.Add($"{PathOf(name)}: unknown field; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error(key, "required");
            }
            return null;
        }
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            Error(key, "must be a string");
            return null;
        }
        if (required && scalar.Value.Length == 0)
        {
            Error(key, "must not be empty");
            return null;
        }
        return scalar.Value;
    }

    public int? Int(string key, int min, int max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(key, $"must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }
        return value;
    }

    public long? Long(string key, long min, long max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(key, $"must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }
        return value;
    }

    public double? Double(string key, double min, double max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            Error(key, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
            return null;
        }
        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(key, $"must be true or false, not '{text}'");
                return null;
        }
    }

    /// <summary>A duration such as <c>250ms</c>, <c>30s</c>, <c>5m</c> or <c>1h</c>.</summary>
    public TimeSpan? Duration(string key, TimeSpan min, TimeSpan max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        var value = DurationText.Parse(text);
        if (value is null)
        {
            Error(key, $"must be a duration like 250ms, 30s, 5m or 1h, not '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            Error(key, $"must be from {DurationText.Format(min)} to {DurationText.Format(max)}, not '{text}'");
            return null;
        }
        return value;
    }

    public TEnum? Enum<TEnum>(string key, params (string Text, TEnum Value)[] choices) where TEnum : struct
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        Error(key, $"must be one of {string.Join(", ", choices.Select(c => c.Text))}, not '{text}'");
        return null;
    }

    public ConfigNode? Map(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error(key, "required");
            }
            return null;
        }
        if (node is not YamlMappingNode map)
        {
            Error(key, "must be a mapping");
            return null;
        }
        return new ConfigNode(map, PathOf(key), _errors);
    }

    /// <summary>The items of a sequence with their paths; scalars and mappings alike.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Sequence(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error(key, "required");
            }
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(key, "must be a list");
            return [];
        }
        return sequence.Children.Select((child, i) => (child, $"{PathOf(key)}[{i}]")).ToList();
    }

    public IReadOnlyList<ConfigNode> MapSequence(string key, bool required = false)
    {
        var maps = new List<ConfigNode>();
        foreach (var (node, path) in Sequence(key, required))
        {
            if (node is YamlMappingNode map)
            {
                maps.Add(new ConfigNode(map, path, _errors));
            }
            else
            {
                _errors.Add($"{path}: must be a mapping");
            }
        }
        return maps;
    }

    public IReadOnlyList<(string Value, string Path)> StringSequence(string key, bool required = false)
    {
        var values = new List<(string, string)>();
        foreach (var (node, path) in Sequence(key, required))
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                values.Add((value, path));
            }
            else
            {
                _errors.Add($"{path}: must be a non-empty string");
            }
        }
        return values;
    }

    /// <summary>A mapping of string to string (claim name to required value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string key)
    {
        var map = Map(key);
        if (map is null)
        {
            return [];
        }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in map._map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlScalarNode { Value: { } value })
            {
                pairs.Add(new(name, value));
            }
            else
            {
                map.Error(name, "must be a string");
            }
        }
        return pairs;
    }

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                // An explicit null (`key:` or `key: ~`) counts as absent.
                return v is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : v;
            }
        }
        return null;
    }
}
