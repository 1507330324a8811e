namespace Tandem.Cli.Lint;

/// <summary>The <c>--color</c> choice.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}
