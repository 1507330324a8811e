using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Model.Images;
using Tandem.Runtime.Runc;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Images;

/// <summary>
/// The on-disk image store: skopeo copies images (from registries or archives) into one shared
/// OCI layout, umoci unpacks each image once into <c>images/&lt;id&gt;/rootfs</c>, which containers
/// use read-only as the lower layer of their overlay.
/// </summary>
public sealed partial class ImageStore(RuncRuntimeOptions options, IProcessRunner runner, Func<string, string?>? containerUsingImage = null, ILogger? logger = null) : IImageRuntime
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly StateLayout _layout = new(options);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ImageInfo> PullImageAsync(string image, RegistryCredentials? credentials, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        if (HostImage.Is(image))
        {
            return HostImageInfo;
        }
        var reference = Parse(image);
        var name = Normalize(reference);
        using var auth = RegistryAuth.For(reference.Registry, credentials, options.DockerConfigPath);
        List<string> args = ["copy", "--override-arch", "amd64", "--override-os", "linux"];
        // Docker's rule: a registry on the local machine may speak plain HTTP.
        if (IsLocal(reference.Registry))
        {
            args.Add("--src-tls-verify=false");
        }
        if (auth.AuthFile is not null)
        {
            args.AddRange(["--authfile", auth.AuthFile]);
        }
        var parser = new PullProgressParser(name, progress);
        progress?.Report(new PullProgress(name, 0, null, 0, 0, "resolving"));
        var info = await CopyInAsync([.. args, "docker://" + name], name, reference, parser.OnLine, progress, cancellationToken).ConfigureAwait(false);
        progress?.Report(new PullProgress(name, info.SizeBytes, info.SizeBytes, 1, 1, "done"));
        return info;
    }

    public Task<ImageInfo?> ImageStatusAsync(string image, CancellationToken cancellationToken) =>
        Task.FromResult(HostImage.Is(image) ? HostImageInfo : Find(image)?.Info);

    public Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImageInfo>>([.. AllRecords().Select(r => r.Info)]);

    public async Task RemoveImageAsync(string image, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = Find(image) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"image \"{image}\" is not present on this node");
            // Removing one of several names only untags, as docker rmi and crictl rmi do.
            if (ImageReference.TryParse(image) is { } reference && Normalize(reference) is var name
                && record.Info.RepoTags.Contains(name) && record.Info.RepoTags.Count > 1)
            {
                var tag = LayoutTag(name);
                await RunAsync(options.UmociPath, ["rm", "--image", $"{_layout.OciLayout}:{tag}"], cancellationToken, allowFailure: true).ConfigureAwait(false);
                JsonFiles.Write(RecordPath(record.Info.Id), record with
                {
                    Info = record.Info with { RepoTags = [.. record.Info.RepoTags.Where(t => t != name)] },
                    LayoutTags = [.. record.LayoutTags.Where(t => t != tag)],
                });
                return;
            }
            if (containerUsingImage?.Invoke(record.Info.Id) is { } container)
            {
                throw new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                    $"image \"{image}\" is used by container {container}; remove the container first");
            }
            foreach (var tag in record.LayoutTags)
            {
                await RunAsync(options.UmociPath, ["rm", "--image", $"{_layout.OciLayout}:{tag}"], cancellationToken, allowFailure: true).ConfigureAwait(false);
            }
            await RunAsync(options.UmociPath, ["gc", "--layout", _layout.OciLayout], cancellationToken).ConfigureAwait(false);
            Directory.Delete(_layout.ImageDirectory(record.Info.Id), recursive: true);
            Log.Removed(_logger, image);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ImageInfo> ImportImageAsync(string archivePath, string name, CancellationToken cancellationToken)
    {
        var reference = Parse(name);
        var source = ArchiveKind.Detect(archivePath) + archivePath;
        return await CopyInAsync(["copy", source], Normalize(reference), reference, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unpacked root filesystem of a present image, for overlay mounts.</summary>
    internal (ImageInfo Info, string Rootfs)? Resolve(string image) =>
        Find(image) is { } record ? (record.Info, Path.Combine(_layout.ImageDirectory(record.Info.Id), "rootfs")) : null;

    internal static readonly ImageInfo HostImageInfo = new()
    {
        Id = "host",
        RepoTags = [HostImage.Name],
        Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    };

    private async Task<ImageInfo> CopyInAsync(List<string> args, string name, ImageReference reference, Action<string>? onLine, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var tag = LayoutTag(name);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(_layout.ImagesDirectory);
            var result = await runner.RunAsync(new ProcessSpec(options.SkopeoPath, [.. args, $"oci:{_layout.OciLayout}:{tag}"]) { OnLine = onLine }, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw args.Last().StartsWith("docker://", StringComparison.Ordinal)
                    ? SkopeoErrors.Classify(name, reference.Registry, result.Stderr)
                    : new RuntimeException(RuntimeErrorCode.InvalidArgument, $"cannot import {args.Last()}: {SkopeoErrors.LastMessage(result.Stderr)}");
            }
            var manifest = OciLayoutReader.ReadManifest(_layout.OciLayout, tag);
            var info = OciLayoutReader.ReadConfig(_layout.OciLayout, manifest);
            var directory = _layout.ImageDirectory(info.Id);
            var rootfs = Path.Combine(directory, "rootfs");
            if (!Directory.Exists(rootfs))
            {
                progress?.Report(new PullProgress(name, manifest.SizeBytes, manifest.SizeBytes, manifest.Layers, manifest.Layers, "unpacking"));
                var partial = Path.Combine(directory, "rootfs.partial");
                if (Directory.Exists(partial))
                {
                    Directory.Delete(partial, recursive: true);
                }
                Directory.CreateDirectory(directory);
                await RunAsync(options.UmociPath, ["raw", "unpack", "--image", $"{_layout.OciLayout}:{tag}", partial], cancellationToken).ConfigureAwait(false);
                Directory.Move(partial, rootfs);
            }
            var stored = Record(info, name, reference, manifest.Digest, tag);
            Log.Stored(_logger, name, stored.Id, stored.SizeBytes);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds the name to the image and takes it away from any image it named before (a moved tag).</summary>
    private ImageInfo Record(ImageInfo pulled, string name, ImageReference reference, string manifestDigest, string tag)
    {
        var existing = JsonFiles.Read<ImageRecord>(RecordPath(pulled.Id));
        var isTag = reference.Digest is null;
        foreach (var other in AllRecords().Where(r => r.Info.Id != pulled.Id && isTag && r.Info.RepoTags.Contains(name)))
        {
            JsonFiles.Write(RecordPath(other.Info.Id), other with { Info = other.Info with { RepoTags = [.. other.Info.RepoTags.Where(t => t != name)] } });
        }
        var repo = $"{reference.Registry}/{reference.Repository}";
        var tags = (existing?.Info.RepoTags ?? []).Concat(isTag ? [name] : []).Distinct().ToList();
        var digests = (existing?.Info.RepoDigests ?? []).Concat([$"{repo}@{manifestDigest}"])
            .Concat(reference.Digest is null ? [] : [$"{repo}@{reference.Digest}"]).Distinct().ToList();
        var record = new ImageRecord
        {
            Info = pulled with { RepoTags = tags, RepoDigests = digests },
            LayoutTags = [.. (existing?.LayoutTags ?? []).Append(tag).Distinct()],
        };
        JsonFiles.Write(RecordPath(pulled.Id), record);
        return record.Info;
    }

    /// <summary>The tag a name has in the shared OCI layout (OCI tags cannot hold a registry name, so a hash stands in).</summary>
    private static string LayoutTag(string name) => "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];

    private ImageRecord? Find(string image)
    {
        var records = AllRecords();
        if (image.StartsWith("sha256:", StringComparison.Ordinal) || (image.Length >= 12 && image.All(char.IsAsciiHexDigitLower)))
        {
            var hex = image.Replace("sha256:", "", StringComparison.Ordinal);
            var byId = records.FirstOrDefault(r => r.Info.Id.Replace("sha256:", "", StringComparison.Ordinal).StartsWith(hex, StringComparison.Ordinal));
            if (byId is not null)
            {
                return byId;
            }
        }
        if (ImageReference.TryParse(image) is not { } reference)
        {
            return null;
        }
        var name = Normalize(reference);
        return records.FirstOrDefault(r => r.Info.RepoTags.Contains(name) || r.Info.RepoDigests.Contains(name));
    }

    private List<ImageRecord> AllRecords()
    {
        if (!Directory.Exists(_layout.ImagesDirectory))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(_layout.ImagesDirectory)
            .Select(d => JsonFiles.Read<ImageRecord>(Path.Combine(d, "image.json")))
            .OfType<ImageRecord>()];
    }

    private string RecordPath(string imageId) => Path.Combine(_layout.ImageDirectory(imageId), "image.json");

    private async Task RunAsync(string tool, List<string> args, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var result = await runner.RunAsync(new ProcessSpec(tool, args), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && !allowFailure)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"{tool} {args[0]} failed: {SkopeoErrors.LastMessage(result.Stderr)}");
        }
    }

    private static ImageReference Parse(string image) =>
        ImageReference.TryParse(image) ?? throw new RuntimeException(RuntimeErrorCode.InvalidArgument,
            $"\"{image}\" is not a valid image name; write it as [registry/]repository[:tag][@digest]");

    /// <summary>The fully qualified name the store keys images by: the kubelet's tag default applied.</summary>
    internal static string Normalize(ImageReference reference) =>
        (reference with { Tag = reference.EffectiveTag }).ToString();

    private static bool IsLocal(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']') + 1)] : registry.Split(':')[0];
        return host is "localhost" or "127.0.0.1" or "[::1]";
    }
}
