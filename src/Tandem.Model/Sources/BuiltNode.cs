using System.Text.Json.Nodes;

namespace Tandem.Model.Sources;

/// <summary>
/// A value the reader has produced, with what the limits need to know about it: how many values
/// it holds (<see cref="Size"/>, itself included) and how deep it nests (<see cref="Height"/>,
/// 1 for a scalar). Kept for every anchor so that an alias can be judged before it is copied.
/// </summary>
internal readonly record struct BuiltNode(JsonNode? Node, long Size, int Height, SourceLocation At);
