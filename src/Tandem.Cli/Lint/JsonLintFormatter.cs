using System.Text.Encodings.Web;
using System.Text.Json;
using Tandem.Model.Lint;

namespace Tandem.Cli.Lint;

/// <summary>
/// For scripts: one JSON document, shape version 1 (documented in docs/lint.md; fields are only
/// ever added). Written with <see cref="Utf8JsonWriter"/> so the shape is explicit here and needs
/// no reflection.
/// </summary>
public sealed class JsonLintFormatter : ILintFormatter
{
    public const int ShapeVersion = 1;

    public void Write(LintReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", ShapeVersion);
            json.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                json.WriteStringValue(file);
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("error", report.Count(LintSeverity.Error));
            json.WriteNumber("warning", report.Count(LintSeverity.Warning));
            json.WriteNumber("info", report.Count(LintSeverity.Info));
            json.WriteNumber("unreadable", report.ReadErrors.Count);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.RuleId);
                json.WriteString("severity", SeverityName(finding.Severity));
                json.WriteString("file", finding.Location.File);
                json.WriteNumber("line", finding.Location.Line);
                json.WriteNumber("column", finding.Location.Column);
                if (finding.ObjectName is null)
                {
                    json.WriteNull("object");
                }
                else
                {
                    json.WriteString("object", finding.ObjectName);
                }
                json.WriteString("message", finding.Message);
                json.WriteString("why", finding.Why);
                json.WriteString("fix", finding.Fix);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var error in report.ReadErrors)
            {
                json.WriteStartObject();
                json.WriteString("file", error.Location.File);
                json.WriteNumber("line", error.Location.Line);
                json.WriteNumber("column", error.Location.Column);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The lower-case severity name used by every machine-readable output.</summary>
    public static string SeverityName(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "info",
    };
}
