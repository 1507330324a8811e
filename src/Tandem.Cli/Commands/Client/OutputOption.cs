using System.CommandLine;

namespace Tandem.Cli.Commands.Client;

/// <summary>The <c>-o/--output</c> option and its values, as kubectl spells them.</summary>
public static class OutputOption
{
    public static Option<string?> Create(string formats = "wide, yaml, json or name") =>
        new("--output", "-o") { Description = $"Output format: {formats}." };

    public static OutputFormat Parse(string? value) => value switch
    {
        null or "" => OutputFormat.Table,
        "wide" => OutputFormat.Wide,
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        "name" => OutputFormat.Name,
        _ => throw new ClientUsageException($"unable to match a printer suitable for the output format \"{value}\", allowed formats are: json,name,wide,yaml"),
    };
}
