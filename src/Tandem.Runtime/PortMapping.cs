namespace Tandem.Runtime;

/// <summary>A port of the host forwarded into the sandbox (<c>hostPort</c>).</summary>
public sealed record PortMapping(string Protocol, int ContainerPort, int HostPort, string? HostIp);
