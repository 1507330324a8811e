using System.Buffers.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tandem.Model.Sources;

/// <summary>
/// Turns one YAML scalar into a JSON value. Only plain scalars are typed (quoted and block
/// scalars are strings), as in go-yaml v2; an explicit standard tag asks for a type and fails
/// when the text does not have it, as go-yaml's "cannot decode !!str `x` as a !!int" does.
/// </summary>
internal static class ScalarConverter
{
    /// <summary>The JSON value of <paramref name="scalar"/>; null for a YAML null.</summary>
    public static JsonNode? Convert(Scalar scalar, SourceLocation at)
    {
        var typed = Type(scalar, at);
        return typed.Value switch
        {
            null => null,
            bool flag => JsonValue.Create(flag),
            long integer => JsonValue.Create(integer),
            double number => JsonValue.Create(number),
            _ => JsonValue.Create((string)typed.Value),
        };
    }

    /// <summary>The typed value of <paramref name="scalar"/>, rejecting what JSON cannot hold.</summary>
    public static PlainScalar Type(Scalar scalar, SourceLocation at)
    {
        var typed = TypeOf(scalar, at);
        if (typed.Value is double number && !double.IsFinite(number))
        {
            throw Fail(at, $"{scalar.Value} is {(double.IsNaN(number) ? "not-a-number" : "infinity")}, which JSON "
                + $"and Kubernetes objects cannot hold; quote it (\"{scalar.Value}\") if you meant the text");
        }
        return typed;
    }

    private static PlainScalar TypeOf(Scalar scalar, SourceLocation at)
    {
        var tag = scalar.Tag;
        if (YamlTags.IsImplicit(tag))
        {
            // A bare "!" tag is YAML's way to say "not typed": a string, like a quoted scalar.
            return scalar.Style == ScalarStyle.Plain && tag.IsEmpty
                ? PlainScalarResolver.Resolve(scalar.Value)
                : PlainScalar.Of(scalar.Value);
        }
        return tag.Value switch
        {
            YamlTags.Str => PlainScalar.Of(scalar.Value),
            YamlTags.Binary => Binary(scalar, at),
            YamlTags.Int => Expect(scalar, at, PlainScalarKind.Int),
            YamlTags.Float => Expect(scalar, at, PlainScalarKind.Float),
            YamlTags.Bool => Expect(scalar, at, PlainScalarKind.Bool),
            YamlTags.Null => Expect(scalar, at, PlainScalarKind.Null),
            YamlTags.Map or YamlTags.Seq => throw Fail(at,
                $"tag {YamlTags.Display(tag)} is on a single value, not a {(tag.Value == YamlTags.Map ? "mapping" : "list")}; "
                + "remove the tag or fix the value"),
            _ => throw UnknownTag(tag, at),
        };
    }

    public static ManifestReadException UnknownTag(TagName tag, SourceLocation at) => Fail(at,
        $"unknown tag \"{YamlTags.Display(tag)}\"; Kubernetes manifests use only {YamlTags.Supported}; remove the tag");

    private static PlainScalar Expect(Scalar scalar, SourceLocation at, PlainScalarKind kind)
    {
        var typed = PlainScalarResolver.Resolve(scalar.Value);
        if (typed.Kind == kind)
        {
            return typed;
        }
        // go-yaml lets an integer stand where a float is asked for.
        if (kind == PlainScalarKind.Float && typed.Value is long integer)
        {
            return new PlainScalar(PlainScalarKind.Float, (double)integer);
        }
        throw Fail(at, $"\"{Shorten(scalar.Value)}\" is not a valid {YamlTags.Display(scalar.Tag)} value; "
            + "remove the tag or fix the value");
    }

    // Secrets carry binary data as base64 text, which is also what the API expects: keep the text.
    private static PlainScalar Binary(Scalar scalar, SourceLocation at)
    {
        var text = string.Concat(scalar.Value.Where(c => !char.IsWhiteSpace(c)));
        if (!Base64.IsValid(text))
        {
            throw Fail(at, "the !!binary value is not valid base64; encode the data with base64 or remove the tag");
        }
        return PlainScalar.Of(text);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static ManifestReadException Fail(SourceLocation at, string message) => new(new ManifestReadError(message, at));
}
