namespace Tandem.Sidecars.Proxy;

/// <summary>The config file cannot be used; <see cref="Errors"/> lists every problem with its field path.</summary>
public sealed class ProxyConfigException : Exception
{
    public ProxyConfigException(string file, IReadOnlyList<string> errors)
        : base($"{file}: {errors.Count} error(s):\n  " + string.Join("\n  ", errors))
    {
        File = file;
        Errors = errors;
    }

    public string File { get; }

    public IReadOnlyList<string> Errors { get; }
}
