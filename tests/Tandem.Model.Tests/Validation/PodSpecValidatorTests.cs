using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class PodSpecValidatorTests
{
    [Fact]
    public void Pod_Minimal_IsValid() => TestPods.AssertValid(TestPods.Valid());

    [Fact]
    public void Pod_WithoutContainers_RequiresThem()
    {
        TestPods.AssertErrors(TestPods.WithSpec(s => s with { Containers = [] }), "spec.containers: Required value");
        TestPods.AssertErrors(TestPods.WithSpec(s => s with { Containers = null }), "spec.containers: Required value");
    }

    [Fact]
    public void RestartPolicy_OutsideTheThreeValues_IsUnsupported()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { RestartPolicy = "OnFailure" }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { RestartPolicy = "Sometimes" }),
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");
    }

    [Fact]
    public void RestartPolicy_MissingAfterDefaulting_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithSpec(s => s with { RestartPolicy = null }), "spec.restartPolicy: Required value");

    [Fact]
    public void DnsPolicy_OutsideTheFourValues_IsUnsupported()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { DnsPolicy = "Default" }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { DnsPolicy = "Google" }),
            "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
    }

    [Fact]
    public void DnsPolicyNone_RequiresDnsConfigWithNameservers()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { DnsPolicy = "None", DnsConfig = new PodDnsConfig { Nameservers = ["1.1.1.1"] } }));
        TestPods.AssertErrors(TestPods.WithSpec(s => s with { DnsPolicy = "None" }), "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
    }

    [Fact]
    public void DnsConfig_NameserverMustBeAnIp() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { DnsConfig = new PodDnsConfig { Nameservers = ["dns.local"] } }),
            "spec.dnsConfig.nameservers[0]: Invalid value: \"dns.local\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");

    [Fact]
    public void TerminationGracePeriod_MissingAfterDefaulting_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithSpec(s => s with { TerminationGracePeriodSeconds = null }), "spec.terminationGracePeriodSeconds: Required value");

    [Fact]
    public void TerminationGracePeriod_Negative_IsInvalid()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { TerminationGracePeriodSeconds = 0 }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { TerminationGracePeriodSeconds = -1 }),
            "spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0");
    }

    [Fact]
    public void ActiveDeadlineSeconds_MustBeBetween1AndMaxInt32()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { ActiveDeadlineSeconds = 2147483647 }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { ActiveDeadlineSeconds = 0 }),
            "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive");
    }

    [Fact]
    public void HostnameAndSubdomain_AreDnsLabels()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { Hostname = "web-0", Subdomain = "web" }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { Hostname = "web.local", Subdomain = "Web" }),
            "spec.hostname: Invalid value: \"web.local\": must not contain dots",
            "spec.subdomain: Invalid value: \"Web\": " + Messages.Dns1123Label);
    }

    [Fact]
    public void ServiceAccountName_IsDnsSubdomain()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { ServiceAccountName = "builder" }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { ServiceAccountName = "Builder" }),
            "spec.serviceAccountName: Invalid value: \"Builder\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void NodeSelector_IsValidatedAsLabels() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd!" } }),
            "spec.nodeSelector: Invalid value: \"ssd!\": " + Messages.LabelValue);

    [Fact]
    public void HostAliases_NeedAnIpAndSubdomainHostnames()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { HostAliases = [new HostAlias { Ip = "10.0.0.1", Hostnames = ["db.local"] }] }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { HostAliases = [new HostAlias { Ip = "10.0.0", Hostnames = ["DB"] }] }),
            "spec.hostAliases[0].ip: Invalid value: \"10.0.0\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "spec.hostAliases[0].hostnames[0]: Invalid value: \"DB\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void Os_MustBeLinuxOrWindows() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { Os = new PodOS { Name = "plan9" } }),
            "spec.os.name: Unsupported value: \"plan9\": supported values: \"linux\", \"windows\"");

    [Fact]
    public void EphemeralContainers_AreForbiddenOnCreate() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { EphemeralContainers = [new System.Text.Json.Nodes.JsonObject { ["name"] = "debug" }] }),
            "spec.ephemeralContainers: Forbidden: cannot be set on create");

    [Fact]
    public void NodeAndPriorityAndRuntimeClassNames_AreDnsSubdomains()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { NodeName = "node-1", PriorityClassName = "high", RuntimeClassName = "runc" }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { NodeName = "Node_1", PriorityClassName = "High", RuntimeClassName = "Kata" }),
            "spec.nodeName: Invalid value: \"Node_1\": " + Messages.Dns1123Subdomain,
            "spec.priorityClassName: Invalid value: \"High\": " + Messages.Dns1123Subdomain,
            "spec.runtimeClassName: Invalid value: \"Kata\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void PreemptionPolicy_MustBeKnown() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { PreemptionPolicy = "Always" }),
            "spec.preemptionPolicy: Unsupported value: \"Always\": supported values: \"PreemptLowerPriority\", \"Never\"");

    [Fact]
    public void DnsConfig_LimitsNameserversAndSearchDomains()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { DnsConfig = new PodDnsConfig { Nameservers = ["10.0.0.10", "::1"], Searches = ["svc.local."], Options = [new PodDnsConfigOption { Name = "ndots", Value = "2" }] } }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { DnsConfig = new PodDnsConfig { Nameservers = ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"], Searches = ["Svc.Local"], Options = [new PodDnsConfigOption()] } }),
            "spec.dnsConfig.nameservers: Invalid value: \"1.1.1.1 1.0.0.1 8.8.8.8 8.8.4.4\": must not have more than 3 nameservers",
            "spec.dnsConfig.searches[0]: Invalid value: \"Svc.Local\": " + Messages.Dns1123Subdomain,
            "spec.dnsConfig.options[0]: Required value: must not be empty");
    }
}
