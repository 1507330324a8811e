using System.Text.Json.Nodes;

namespace Tandem.Cli.Api;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, and the object.</summary>
public sealed record WatchEvent(string Type, JsonObject Object);
