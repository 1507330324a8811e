using System.Diagnostics;
using System.Globalization;
using Tandem.Model.Images;
using Tandem.Node.Lifecycle;
using Tandem.Runtime;

namespace Tandem.Node.Images;

/// <summary>
/// The kubelet's image manager (<c>images/image_manager.go</c> <c>EnsureImageExists</c>): honours
/// <c>imagePullPolicy</c>, pulls through the runtime, and says what happened in the kubelet's event words.
/// Returns null when the image is ready, or the start failure (<c>ErrImagePull</c>, <c>ErrImageNeverPull</c>,
/// <c>InvalidImageName</c>) to record as the container's waiting reason.
/// </summary>
public sealed class ImagePuller(IImageRuntime images, TimeProvider time)
{
    public async Task<StartFailure?> EnsureAsync(string container, string image, string? pullPolicy, Action<PodEvent> record, CancellationToken cancellationToken)
    {
        if (HostImage.Is(image))
        {
            return null;
        }
        if (ImageReference.TryParse(image) is null)
        {
            var message = $"Failed to apply default image tag \"{image}\": couldn't parse image name \"{image}\": invalid reference format";
            record(new PodEvent(PodEvent.Warning, "InspectFailed", message, container));
            return new StartFailure(StartFailureReasons.InvalidImageName, message, time.GetUtcNow());
        }
        var present = await images.ImageStatusAsync(image, cancellationToken).ConfigureAwait(false) is not null;
        var policy = pullPolicy ?? "IfNotPresent";
        if (policy != "Always" && present)
        {
            record(new PodEvent(PodEvent.Normal, "Pulled", $"Container image \"{image}\" already present on machine", container));
            return null;
        }
        if (policy == "Never")
        {
            var message = $"Container image \"{image}\" is not present with pull policy of Never";
            record(new PodEvent(PodEvent.Warning, StartFailureReasons.ErrImageNeverPull, message, container));
            return new StartFailure(StartFailureReasons.ErrImageNeverPull, message, time.GetUtcNow());
        }
        record(new PodEvent(PodEvent.Normal, "Pulling", $"Pulling image \"{image}\"", container));
        var watch = Stopwatch.StartNew();
        try
        {
            var pulled = await images.PullImageAsync(image, null, null, cancellationToken).ConfigureAwait(false);
            var seconds = watch.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            record(new PodEvent(PodEvent.Normal, "Pulled",
                $"Successfully pulled image \"{image}\" in {seconds}s ({seconds}s including waiting). Image size: {pulled.SizeBytes} bytes.", container));
            return null;
        }
        catch (RuntimeException e)
        {
            record(new PodEvent(PodEvent.Warning, "Failed", $"Failed to pull image \"{image}\": {e.Message}", container));
            record(new PodEvent(PodEvent.Warning, "Failed", $"Error: {StartFailureReasons.ErrImagePull}", container));
            return new StartFailure(StartFailureReasons.ErrImagePull, e.Message, time.GetUtcNow());
        }
    }
}
