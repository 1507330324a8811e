namespace Tandem.Cli.Commands.Client;

/// <summary>A client verb was asked for something it cannot do; printed as <c>error: message</c>, as kubectl does.</summary>
public sealed class ClientUsageException(string message) : Exception(message);
