namespace Tandem.Cli.Commands.Client;

/// <summary>The <c>-o</c> formats the client verbs print.</summary>
public enum OutputFormat
{
    Table,
    Wide,
    Json,
    Yaml,
    Name,
}
