using System.Security.Cryptography;

namespace Tandem.Cli.Daemon;

/// <summary>The daemon's bearer token: 32 random bytes, made once and kept (mode 0600) so kubeconfigs stay valid across restarts.</summary>
public static class BearerToken
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        PrivateFile.Write(path, token + "\n");
        return token;
    }
}
