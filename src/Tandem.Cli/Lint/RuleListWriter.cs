using System.Text.Encodings.Web;
using System.Text.Json;
using Tandem.Model.Lint;

namespace Tandem.Cli.Lint;

/// <summary><c>tandem lint --list-rules</c>: every rule with its severity and summary, as text or JSON.</summary>
public static class RuleListWriter
{
    public static void WriteText(IReadOnlyList<LintRuleInfo> rules, TextWriter output)
    {
        var width = rules.Max(r => r.Id.Length);
        foreach (var rule in rules)
        {
            output.WriteLine($"{rule.Id.PadRight(width)}  {JsonLintFormatter.SeverityName(rule.Severity),-7}  {rule.Summary}");
        }
        output.WriteLine();
        output.WriteLine($"Silence a rule for one object with the annotation {LintIgnoreAnnotation.Key}: rule-a,rule-b");
        output.WriteLine("or for the whole run with --disable rule-a. Details of every rule: docs/lint.md.");
    }

    public static void WriteJson(IReadOnlyList<LintRuleInfo> rules, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", JsonLintFormatter.ShapeVersion);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("severity", JsonLintFormatter.SeverityName(rule.Severity));
                json.WriteString("summary", rule.Summary);
                json.WriteString("why", rule.Why);
                json.WriteString("fix", rule.Fix);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
