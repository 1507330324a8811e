namespace Tandem.Model.Sources;

/// <summary>Where something came from: a file (or <c>-</c> for stdin), a 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
