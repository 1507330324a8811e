using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// A <c>--for</c> of <c>kubectl wait</c>: <c>delete</c>, <c>condition=Ready[=true]</c> or <c>jsonpath={.status.phase}=Running</c>,
/// checked against an object (null when it is gone).
/// </summary>
public sealed partial class WaitCondition
{
    private readonly Func<JsonObject?, bool> _check;

    private WaitCondition(Func<JsonObject?, bool> check, bool forDelete)
    {
        _check = check;
        ForDelete = forDelete;
    }

    public bool ForDelete { get; }

    public bool IsMet(JsonObject? obj) => _check(obj);

    public static WaitCondition Parse(string text)
    {
        if (text == "delete")
        {
            return new WaitCondition(o => o is null, forDelete: true);
        }
        if (text.StartsWith("condition=", StringComparison.Ordinal))
        {
            var rest = text["condition=".Length..];
            var eq = rest.IndexOf('=');
            var name = eq < 0 ? rest : rest[..eq];
            var wanted = eq < 0 ? "true" : rest[(eq + 1)..];
            return new WaitCondition(o => o is not null && ConditionIs(o, name, wanted), forDelete: false);
        }
        if (text.StartsWith("jsonpath=", StringComparison.Ordinal))
        {
            var rest = text["jsonpath=".Length..];
            var close = rest.LastIndexOf('}');
            if (!rest.StartsWith('{') || close < 0 || close + 1 >= rest.Length || rest[close + 1] != '=')
            {
                throw new ClientUsageException($"jsonpath wait format must be --for=jsonpath='{{.status.readyReplicas}}'=3 (got \"{text}\")");
            }
            var path = rest[1..close];
            var wanted = rest[(close + 2)..];
            return new WaitCondition(o => o is not null && Evaluate(o, path) is { } value && value == wanted, forDelete: false);
        }
        throw new ClientUsageException($"unrecognized condition: \"{text}\"; use delete, condition=NAME[=VALUE] or jsonpath={{PATH}}=VALUE");
    }

    // kubectl wait/condition.go: the condition's status matches case-insensitively, and a condition observed for an
    // older generation does not count.
    private static bool ConditionIs(JsonObject obj, string name, string wanted)
    {
        var generation = obj["metadata"]?["generation"] is JsonValue g && g.TryGetValue<long>(out var gv) ? gv : (long?)null;
        foreach (var condition in (obj["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!string.Equals((string?)condition["type"], name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var observed = condition["observedGeneration"] is JsonValue o && o.TryGetValue<long>(out var ov) ? ov : (long?)null;
            if (generation is not null && observed is not null && observed < generation)
            {
                return false;
            }
            return string.Equals((string?)condition["status"], wanted, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>A small JSONPath: <c>.a.b</c>, <c>[0]</c> and <c>[?(@.type=="Ready")]</c> steps; the first match as text.</summary>
    public static string? Evaluate(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (Match step in StepPattern().Matches(path))
        {
            if (node is null)
            {
                return null;
            }
            if (step.Groups["name"].Success)
            {
                node = (node as JsonObject)?[step.Groups["name"].Value];
            }
            else if (step.Groups["index"].Success)
            {
                var index = int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                node = node is JsonArray array && index >= 0 && index < array.Count ? array[index] : null;
            }
            else
            {
                var key = step.Groups["key"].Value;
                var value = step.Groups["value"].Value;
                node = (node as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e[key] is JsonValue v && Text(v) == value);
            }
        }
        return node is null ? null : Text(node);
    }

    private static string Text(JsonNode node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string)value! : node.ToJsonString();

    [GeneratedRegex("""\.(?<name>[A-Za-z0-9_\-]+)|\[(?<index>-?\d+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_\-]+)\s*==\s*["'](?<value>[^"']*)["']\)\]""")]
    private static partial Regex StepPattern();
}
