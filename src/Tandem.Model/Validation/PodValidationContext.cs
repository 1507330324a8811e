using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>What container validation needs to know about the pod around it.</summary>
/// <param name="Volumes">The pod's volumes that passed validation, by name.</param>
/// <param name="GracePeriod">The pod's terminationGracePeriodSeconds, the bound of a sleep hook.</param>
/// <param name="HostUsers">Whether the pod shares the host's user namespace (hostUsers unset or true).</param>
internal sealed record PodValidationContext(
    IReadOnlyDictionary<string, Volume> Volumes, long? GracePeriod, bool HostUsers, ValidationOptions Options);
