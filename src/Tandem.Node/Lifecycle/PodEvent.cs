namespace Tandem.Node.Lifecycle;

/// <summary>An event the kubelet would record for the pod, or for one of its containers when <see cref="Container"/> is set.</summary>
public sealed record PodEvent(string Type, string Reason, string Message, string? Container = null)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
