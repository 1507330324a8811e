using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Model.Validation;

public static partial class PodUpdateValidation
{
    /// <summary>
    /// The changed spec fields, one <c>-</c>/<c>+</c> pair per leaf. Upstream appends a go-cmp diff of the PodSpec;
    /// this keeps its purpose (show what changed) in a form that does not pretend to be Go.
    /// </summary>
    private static string SpecDiff(JsonNode oldSpec, JsonNode newSpec)
    {
        var builder = new StringBuilder("  core.PodSpec{\n");
        Diff(oldSpec, newSpec, "", builder);
        return builder.Append("  }\n").ToString();
    }

    private static void Diff(JsonNode? oldNode, JsonNode? newNode, string path, StringBuilder builder)
    {
        if (JsonNode.DeepEquals(oldNode, newNode))
        {
            return;
        }
        if (oldNode is JsonObject oldObject && newNode is JsonObject newObject)
        {
            foreach (var key in oldObject.Select(p => p.Key).Union(newObject.Select(p => p.Key)))
            {
                Diff(oldObject[key], newObject[key], path.Length == 0 ? key : $"{path}.{key}", builder);
            }
            return;
        }
        if (oldNode is JsonArray oldArray && newNode is JsonArray newArray && oldArray.Count == newArray.Count)
        {
            for (var i = 0; i < oldArray.Count; i++)
            {
                Diff(oldArray[i], newArray[i], $"{path}[{Number(i)}]", builder);
            }
            return;
        }
        if (oldNode is not null)
        {
            builder.Append("- \t").Append(path).Append(": ").Append(Format(oldNode)).Append('\n');
        }
        if (newNode is not null)
        {
            builder.Append("+ \t").Append(path).Append(": ").Append(Format(newNode)).Append('\n');
        }
    }
}
