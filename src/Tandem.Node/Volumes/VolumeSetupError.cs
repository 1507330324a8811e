namespace Tandem.Node.Volumes;

/// <summary>
/// A volume could not be set up; the kubelet reports it as a <c>FailedMount</c> event
/// ("MountVolume.SetUp failed for volume "x" : message") and the pod stays in ContainerCreating.
/// </summary>
public sealed class VolumeSetupError(string volume, string message) : Exception(message)
{
    public string Volume { get; } = volume;

    /// <summary>The event message, in the kubelet's words.</summary>
    public string EventMessage => $"MountVolume.SetUp failed for volume \"{Volume}\" : {Message}";
}
