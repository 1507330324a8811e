using System.Text;

namespace Tandem.Server.Discovery;

/// <summary>
/// <c>/version</c> and the OpenAPI documents kubectl needs (spec 3.1, 4.3). The reported minor version decides which
/// kubectl the gcloud dispatcher runs, so it is the newest the spec covers; gitVersion stays a plain <c>v1.33.0</c>
/// because the dispatcher parses it.
/// </summary>
internal static class ServerDocuments
{
    public const string OpenApiV2ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    /// <summary>Changes whenever <see cref="OpenApiV3CoreV1"/> changes: it is kubectl's HTTP cache key.</summary>
    public const string OpenApiV3Hash = "TANDEM0001";

    public static readonly byte[] Version = Encoding.UTF8.GetBytes(
        "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.0\",\"gitCommit\":\"0000000000000000000000000000000000000000\"," +
        "\"gitTreeState\":\"clean\",\"buildDate\":\"2025-04-23T00:00:00Z\",\"goVersion\":\"go1.24.2\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}");

    public static readonly byte[] OpenApiV3Paths = Encoding.UTF8.GetBytes(
        "{\"paths\":{\"api/v1\":{\"serverRelativeURL\":\"/openapi/v3/api/v1?hash=" + OpenApiV3Hash + "\"}}}");

    /// <summary>
    /// Says only that PATCH of a Pod takes fieldValidation, so 1.29+ validate on the server. No requestBody: with one,
    /// client-side apply would build its patch from these (empty) schemas and warn (spec 4.3).
    /// </summary>
    public static readonly byte[] OpenApiV3CoreV1 = Encoding.UTF8.GetBytes(
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"Kubernetes\",\"version\":\"v1.33.0\"},\"paths\":{" +
        string.Join(',', new[] { ("pods", "Pod"), ("configmaps", "ConfigMap"), ("secrets", "Secret"), ("events", "Event") }.Select(r => PatchPath(r.Item1, r.Item2))) + "," +
        "\"/api/v1/namespaces/{name}\":{\"patch\":{\"operationId\":\"patchCoreV1Namespace\"," + FieldValidationParameter +
        ",\"x-kubernetes-action\":\"patch\",\"x-kubernetes-group-version-kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Namespace\"}}}" +
        "},\"components\":{\"schemas\":{}}}");

    private const string FieldValidationParameter =
        "\"parameters\":[{\"name\":\"fieldValidation\",\"in\":\"query\",\"schema\":{\"type\":\"string\",\"uniqueItems\":true}}]";

    private static string PatchPath(string resource, string kind) =>
        $"\"/api/v1/namespaces/{{namespace}}/{resource}/{{name}}\":{{\"patch\":{{\"operationId\":\"patchCoreV1Namespaced{kind}\"," + FieldValidationParameter +
        $",\"x-kubernetes-action\":\"patch\",\"x-kubernetes-group-version-kind\":{{\"group\":\"\",\"version\":\"v1\",\"kind\":\"{kind}\"}}}}}}";
}
