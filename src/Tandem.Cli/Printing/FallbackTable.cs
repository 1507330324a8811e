using System.Text.Json.Nodes;
using Tandem.Server.Tables;

namespace Tandem.Cli.Printing;

/// <summary>
/// What kubectl prints when the server answers a Table request with plain objects: <c>NAME</c> and <c>AGE</c>
/// (spec §7), built here so the printer has one input shape.
/// </summary>
public static class FallbackTable
{
    public static JsonObject From(JsonObject objectOrList, DateTimeOffset now)
    {
        if ((string?)objectOrList["kind"] == "Table")
        {
            return objectOrList;
        }
        var items = objectOrList["items"] is JsonArray list ? list.OfType<JsonObject>() : [objectOrList];
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var metadata = item["metadata"] as JsonObject;
            var created = DateTimeOffset.TryParse((string?)metadata?["creationTimestamp"], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (DateTimeOffset?)null;
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray((string?)metadata?["name"], HumanDuration.Since(created, now)),
                ["object"] = new JsonObject { ["metadata"] = metadata?.DeepClone() },
            });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["metadata"] = objectOrList["metadata"]?.DeepClone(),
            ["columnDefinitions"] = new JsonArray(
                new JsonObject { ["name"] = "Name", ["type"] = "string", ["priority"] = 0 },
                new JsonObject { ["name"] = "Age", ["type"] = "string", ["priority"] = 0 }),
            ["rows"] = rows,
        };
    }
}
