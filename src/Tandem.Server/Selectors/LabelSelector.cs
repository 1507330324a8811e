namespace Tandem.Server.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> query parameter. The grammar, the lenient cases (<c>a=</c>, <c>a in ()</c>) and
/// the error texts follow apimachinery <c>labels.Parse</c>, so a bad selector gets the same 400 message as from a
/// real API server.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    /// <exception cref="FormatException">The selector does not parse; the message is the API server's.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        return new LabelSelector(new LabelSelectorParser(text).Parse());
    }

    public static bool TryParse(string? text, out LabelSelector selector, out string? error)
    {
        try
        {
            selector = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException exception)
        {
            selector = Everything;
            error = exception.Message;
            return false;
        }
    }

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }
        return true;
    }
}
