namespace Tandem.Server.Patching;

/// <summary>
/// The schemas of the kinds Tandem serves. Merge keys and strategies are those of the <c>patchStrategy</c> /
/// <c>patchMergeKey</c> and <c>listType=map</c> / <c>listMapKey</c> tags in k8s.io/api core/v1 types.go and
/// metav1.ObjectMeta (release-1.33); everything else there is atomic or a plain map.
/// </summary>
public static class PatchSchemas
{
    public static PatchSchema ObjectMeta { get; } = new(new Dictionary<string, PatchField>
    {
        ["ownerReferences"] = PatchField.MergeList("uid"),
        ["finalizers"] = PatchField.PrimitiveSet(),
    });

    public static PatchSchema Container { get; } = new(new Dictionary<string, PatchField>
    {
        ["ports"] = PatchField.MergeList("containerPort") with
        {
            ListMapKeys = ["containerPort", "protocol"],
            KeyDefaults = new Dictionary<string, string> { ["protocol"] = "TCP" },
        },
        ["env"] = PatchField.MergeList("name"),
        ["volumeMounts"] = PatchField.MergeList("mountPath"),
        ["volumeDevices"] = PatchField.MergeList("devicePath"),
    });

    public static PatchSchema PodSpec { get; } = new(new Dictionary<string, PatchField>
    {
        ["containers"] = PatchField.MergeList("name", Container),
        ["initContainers"] = PatchField.MergeList("name", Container),
        ["ephemeralContainers"] = PatchField.MergeList("name", Container),
        ["volumes"] = PatchField.MergeList("name") with { RetainKeys = true },
        ["imagePullSecrets"] = PatchField.MergeList("name"),
        ["hostAliases"] = PatchField.MergeList("ip"),
        ["topologySpreadConstraints"] = PatchField.MergeList("topologyKey") with { ListMapKeys = ["topologyKey", "whenUnsatisfiable"] },
        ["schedulingGates"] = PatchField.MergeList("name"),
        ["resourceClaims"] = PatchField.MergeList("name") with { RetainKeys = true },
    });

    public static PatchSchema PodStatus { get; } = new(new Dictionary<string, PatchField>
    {
        ["conditions"] = PatchField.MergeList("type"),
        ["podIPs"] = PatchField.MergeList("ip"),
        ["hostIPs"] = PatchField.MergeList("ip"),
    });

    public static PatchSchema Pod { get; } = new(new Dictionary<string, PatchField>
    {
        ["metadata"] = PatchField.Object(ObjectMeta),
        ["spec"] = PatchField.Object(PodSpec),
        ["status"] = PatchField.Object(PodStatus),
    });

    /// <summary>ConfigMaps, Secrets, Events and Namespaces: only their metadata has merge lists.</summary>
    public static PatchSchema Simple { get; } = new(new Dictionary<string, PatchField>
    {
        ["metadata"] = PatchField.Object(ObjectMeta),
    });

    /// <summary>The schema for a resource (plural, lower case).</summary>
    public static PatchSchema ForResource(string resource) => resource == "pods" ? Pod : Simple;
}
