using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;
using Tandem.Model.Validation;
using Tandem.Server.Storage;

namespace Tandem.Server.Http;

/// <summary>
/// Decodes a body into the typed object under <c>fieldValidation</c> (spec 4.4): Strict turns unknown fields into
/// 400 BadRequest (<c>Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.image"</c>),
/// Warn accepts and adds one <c>Warning: 299</c> header per field, Ignore drops them silently.
/// </summary>
internal static class FieldValidation
{
    public static IKubernetesObject Decode(HttpContext context, JsonObject document, ResourceKind kind)
    {
        var mode = context.Request.Query["fieldValidation"].ToString();
        var apiVersion = document["apiVersion"]?.GetValueKind() == JsonValueKind.String ? (string?)document["apiVersion"] : null;
        var bodyKind = document["kind"]?.GetValueKind() == JsonValueKind.String ? (string?)document["kind"] : null;
        if (apiVersion is null || bodyKind is null)
        {
            throw Errors.BadRequest($"Object '{(bodyKind is null ? "Kind" : "apiVersion")}' is missing in '{Abbreviate(document)}'");
        }
        if (apiVersion != "v1" || bodyKind != kind.Kind)
        {
            throw Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version (v1)"
                + (bodyKind != kind.Kind ? $", or the kind {bodyKind} is not {kind.Kind}" : ""));
        }
        if (!string.Equals(mode, "Ignore", StringComparison.Ordinal))
        {
            var decoded = ObjectDecoder.Decode(document);
            var unknown = decoded.Errors.Where(e => e.Type == FieldErrorType.Unknown).ToList();
            var other = decoded.Errors.Where(e => e.Type != FieldErrorType.Unknown).ToList();
            if (other.Count > 0)
            {
                throw Errors.BadRequest($"{kind.Kind} in version \"v1\" cannot be handled as a {kind.Kind}: {string.Join("; ", other)}");
            }
            if (unknown.Count > 0 && string.Equals(mode, "Warn", StringComparison.Ordinal))
            {
                foreach (var error in unknown)
                {
                    context.Response.Headers.Append("Warning", $"299 - \"unknown field \\\"{error.Field}\\\"\"");
                }
            }
            else if (unknown.Count > 0)
            {
                var fields = string.Join(", ", unknown.Select(e => $"unknown field \"{e.Field}\""));
                throw Errors.BadRequest($"{kind.Kind} in version \"v1\" cannot be handled as a {kind.Kind}: strict decoding error: {fields}");
            }
            if (unknown.Count == 0 && decoded.Objects.Count == 1)
            {
                return decoded.Objects[0].Object;
            }
        }
        try
        {
            return (IKubernetesObject)document.Deserialize(kind.TypeInfo)!;
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"{kind.Kind} in version \"v1\" cannot be handled as a {kind.Kind}: {e.Message}");
        }
    }

    private static string Abbreviate(JsonObject document)
    {
        var text = document.ToJsonString();
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
