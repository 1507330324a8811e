using System.Text.Encodings.Web;
using System.Text.Json;
using Tandem.Cli.Commands;
using Tandem.Model.Lint;
using Tandem.Model.Sources;

namespace Tandem.Cli.Lint;

/// <summary>
/// For code-scanning services: SARIF 2.1.0 with one run, every rule's metadata (so result levels,
/// help and descriptions show up next to the code), and locations relative to
/// <paramref name="baseDirectory"/> under the <c>%SRCROOT%</c> base id.
/// </summary>
public sealed class SarifLintFormatter(string baseDirectory) : ILintFormatter
{
    public const string SourceRoot = "%SRCROOT%";

    public void Write(LintReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report.Rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            WriteInvocation(json, report);
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, report.Rules);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<LintRuleInfo> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "tandem-lint");
        json.WriteString("fullName", "tandem lint: sidecar-pattern checks for Kubernetes pod manifests");
        json.WriteString("version", VersionCommand.Current);
        json.WriteString("semanticVersion", VersionCommand.Current);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Id));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Summary);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Why);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Fix);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteInvocation(Utf8JsonWriter json, LintReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.ReadErrors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in report.ReadErrors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", error.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            WriteLocation(json, error.Location);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private void WriteResult(Utf8JsonWriter json, LintFinding finding, IReadOnlyList<LintRuleInfo> rules)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        var index = rules.ToList().FindIndex(r => r.Id == finding.RuleId);
        if (index >= 0)
        {
            json.WriteNumber("ruleIndex", index);
        }
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.ObjectName is null ? finding.Message : $"{finding.ObjectName}: {finding.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        WriteLocation(json, finding.Location, finding.ObjectName);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteLocation(Utf8JsonWriter json, SourceLocation location, string? objectName = null)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(location.File);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", SourceRoot);
        }
        json.WriteEndObject();
        if (location.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", Math.Max(1, location.Column));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (objectName is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", objectName);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>A path under the base directory becomes a relative URI with forward slashes; others an absolute file URI.</summary>
    private (string Uri, bool Relative) ArtifactUri(string file)
    {
        if (file == LintInputs.StandardInput)
        {
            return ("stdin", true);
        }
        var full = Path.GetFullPath(file, Path.GetFullPath(baseDirectory));
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        if (Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return (new Uri(full).AbsoluteUri, false);
        }
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString);
        return (string.Join('/', segments), true);
    }

    private static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "note",
    };

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
