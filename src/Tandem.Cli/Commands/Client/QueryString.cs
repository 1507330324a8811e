using System.Text;

namespace Tandem.Cli.Commands.Client;

/// <summary>Builds a request path with escaped query parameters, leaving out the empty ones.</summary>
public sealed class QueryString(string path)
{
    private readonly StringBuilder _builder = new(path);
    private bool _first = !path.Contains('?');

    public QueryString Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }
        _builder.Append(_first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public override string ToString() => _builder.ToString();

    public static implicit operator string(QueryString query) => query.ToString();
}
