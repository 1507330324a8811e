using System.Text;
using System.Text.Json;

namespace Tandem.Runtime.Images;

/// <summary>
/// Credentials for skopeo as an auth file (<c>--authfile</c>), never on the command line where
/// every user of <c>ps</c> could read them. Without explicit credentials the user's docker config is used.
/// </summary>
internal sealed class RegistryAuth : IDisposable
{
    private readonly string? _tempFile;

    private RegistryAuth(string? path, string? tempFile)
    {
        AuthFile = path;
        _tempFile = tempFile;
    }

    public string? AuthFile { get; }

    public static RegistryAuth For(string registry, RegistryCredentials? credentials, string? dockerConfig)
    {
        if (credentials is null)
        {
            return new RegistryAuth(dockerConfig is not null && File.Exists(dockerConfig) ? dockerConfig : null, null);
        }
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
        // Docker Hub's credentials are keyed by its legacy index address in docker's format.
        var key = registry == "docker.io" ? "https://index.docker.io/v1/" : registry;
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["auths"] = new Dictionary<string, object> { [key] = new Dictionary<string, string> { ["auth"] = token } },
        });
        var path = Path.Combine(Path.GetTempPath(), $"tandem-auth-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(path, json);
        return new RegistryAuth(path, path);
    }

    public void Dispose()
    {
        if (_tempFile is not null)
        {
            File.Delete(_tempFile);
        }
    }
}
