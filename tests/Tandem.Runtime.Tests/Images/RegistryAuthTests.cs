using System.Runtime.InteropServices;
using Environment = Tandem.Testing.Runtime.RuntimeEnvironment;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Images;

/// <summary>Pulls from a registry that demands credentials (basic auth over the registry's token flow, as skopeo negotiates it).</summary>
public sealed partial class RegistryAuthTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Pull_FromRegistryWithAuth_NeedsTheCredentials()
    {
        var environment = await Requirements.RequireAsync();
        var directory = Path.Combine(environment.Root, "auth-registry-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(directory);
        var htpasswd = Path.Combine(directory, "htpasswd");
        await File.WriteAllTextAsync(htpasswd, $"puller:{Marshal.PtrToStringUTF8(crypt("s3cret", "$2b$05$abcdefghijklmnopqrstuu"))}\n");
        using var registry = await LocalRegistry.StartAsync(directory, CancellationToken.None, htpasswd);
        var image = $"{registry.Address}/private/busybox:1";
        await Environment.RunAsync("skopeo", "copy", "--quiet", "--dest-tls-verify=false", "--dest-creds", "puller:s3cret",
            $"oci:{environment.ImagesDirectory}/layout:busybox:1.36", $"docker://{image}");

        var refused = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.PullImageAsync(image, null, null, CancellationToken.None));
        var wrong = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.PullImageAsync(image, new RegistryCredentials("puller", "wrong"), null, CancellationToken.None));
        var pulled = await environment.Runtime.Images.PullImageAsync(image, new RegistryCredentials("puller", "s3cret"), null, CancellationToken.None);

        Assert.Equal(RuntimeErrorCode.FailedPrecondition, refused.Code);
        Assert.Contains("imagePullSecrets", refused.Message);
        Assert.Equal(RuntimeErrorCode.FailedPrecondition, wrong.Code);
        Assert.Contains(image, pulled.RepoTags);
        // The temporary auth files holding the credentials are gone after each pull.
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "tandem-auth-*"));
    }

    /// <summary>libxcrypt's bcrypt, to write the htpasswd file the registry reads (it accepts bcrypt only). The result is a static buffer: not freed.</summary>
    [LibraryImport("libcrypt.so.1", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr crypt(string key, string salt);
}
