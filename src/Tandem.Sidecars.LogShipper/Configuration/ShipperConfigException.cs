namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>A configuration file that cannot be used, with every problem found in it.</summary>
public sealed class ShipperConfigException(string file, IReadOnlyList<string> errors)
    : InvalidOperationException($"{file}: {errors.Count} error(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public string File { get; } = file;

    public IReadOnlyList<string> Errors { get; } = errors;
}
