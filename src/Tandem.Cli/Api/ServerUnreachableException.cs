namespace Tandem.Cli.Api;

/// <summary>The API server could not be reached at all (refused, DNS, TLS); the message is what kubectl would say.</summary>
public sealed class ServerUnreachableException(string message) : Exception(message);
