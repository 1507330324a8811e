namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Resolves file paths in the config against the config's directory and checks they are readable now.</summary>
internal sealed class FileChecks(string baseDirectory, List<string> errors)
{
    public string? Existing(ConfigNode node, string key, bool required)
    {
        var text = node.String(key, required);
        if (text is null)
        {
            return null;
        }
        var path = Path.GetFullPath(text, baseDirectory);
        if (!File.Exists(path))
        {
            errors.Add($"{node.PathOf(key)}: file '{path}' does not exist or is not readable");
            return null;
        }
        return path;
    }
}
