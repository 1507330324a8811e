namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Reads the config file from disk and parses it; an unreadable file is one more error, not an exception.</summary>
public static class ConfigFile
{
    /// <param name="path">A full path; relative paths inside the file are resolved against its directory.</param>
    public static ConfigLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigLoadResult(null, [$"(file): cannot read '{path}': {e.Message}"]);
        }
        return ConfigParser.Parse(text, Path.GetDirectoryName(path)!);
    }
}
