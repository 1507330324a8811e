using YamlDotNet.Core;

namespace Tandem.Model.Sources;

/// <summary>The standard YAML tags a Kubernetes manifest may carry, and how to print any tag.</summary>
internal static class YamlTags
{
    private const string Prefix = "tag:yaml.org,2002:";

    public const string Str = Prefix + "str";
    public const string Int = Prefix + "int";
    public const string Float = Prefix + "float";
    public const string Bool = Prefix + "bool";
    public const string Null = Prefix + "null";
    public const string Binary = Prefix + "binary";
    public const string Map = Prefix + "map";
    public const string Seq = Prefix + "seq";

    public const string Supported = "!!str, !!int, !!float, !!bool, !!null, !!binary, !!map and !!seq";

    /// <summary>Shows a tag the way the user wrote it: <c>!!int</c> rather than its long form.</summary>
    public static string Display(TagName tag) =>
        tag.Value.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag.Value[Prefix.Length..] : tag.Value;

    /// <summary>Whether the tag leaves the node's type to the reader: none, or YAML's bare <c>!</c>.</summary>
    public static bool IsImplicit(TagName tag) => tag.IsEmpty || tag.IsNonSpecific;
}
