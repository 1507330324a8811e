namespace Tandem.Server.Selectors;

/// <summary>The field labels one resource can be selected by (the API server's per-kind <c>ConvertFieldLabel</c>).</summary>
public sealed class FieldSet
{
    private readonly HashSet<string> _labels;

    public FieldSet(string resource, params string[] labels)
    {
        Resource = resource;
        _labels = new HashSet<string>(labels, StringComparer.Ordinal);
    }

    public string Resource { get; }

    public IReadOnlySet<string> Labels => _labels;

    /// <summary>The API server's 400 message for the first unsupported field of the selector, or null.</summary>
    public string? Validate(FieldSelector selector)
    {
        foreach (var requirement in selector.Requirements)
        {
            if (!_labels.Contains(requirement.Field))
            {
                return $"field label not supported: {requirement.Field}";
            }
        }
        return null;
    }
}
