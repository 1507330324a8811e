namespace Tandem.Server.Spdy;

/// <summary>
/// A header block's name/value pairs in the order they arrived. Names are lowercase on the wire (spdystream rejects
/// others); several values of one name travel joined by NUL, and <see cref="this[string]"/> returns the first.
/// </summary>
internal sealed class SpdyHeaders
{
    public static readonly SpdyHeaders Empty = new([]);

    public SpdyHeaders(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in Pairs)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    var nul = value.IndexOf('\0', StringComparison.Ordinal);
                    return nul < 0 ? value : value[..nul];
                }
            }
            return null;
        }
    }

    public override string ToString() => string.Join(", ", Pairs.Select(p => $"{p.Key}={p.Value}"));
}
