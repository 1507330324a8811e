using Tandem.Model.CoreV1;
using Tandem.Model.Defaulting;

namespace Tandem.Node.Tests.Fixtures;

/// <summary>Builds defaulted pods for tests: <c>PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build()</c>.</summary>
internal sealed class PodBuilder
{
    public const string Image = "busybox:1.36";

    private readonly List<Container> _init = [];
    private readonly List<Container> _regular = [];
    private readonly string _name;
    private string? _restartPolicy;
    private long? _grace;
    private DateTimeOffset? _deletedAt;
    private long? _deletionGrace;

    private PodBuilder(string name) => _name = name;

    public static PodBuilder Named(string name) => new(name);

    public PodBuilder Never() => Policy("Never");

    public PodBuilder OnFailure() => Policy("OnFailure");

    public PodBuilder Always() => Policy("Always");

    public PodBuilder Policy(string policy)
    {
        _restartPolicy = policy;
        return this;
    }

    public PodBuilder Grace(long seconds)
    {
        _grace = seconds;
        return this;
    }

    public PodBuilder Deleted(DateTimeOffset at, long grace)
    {
        (_deletedAt, _deletionGrace) = (at, grace);
        return this;
    }

    public PodBuilder Init(string name, Func<Container, Container>? configure = null)
    {
        _init.Add(Configure(new Container { Name = name, Image = Image }, configure));
        return this;
    }

    public PodBuilder Sidecar(string name, Func<Container, Container>? configure = null)
    {
        _init.Add(Configure(new Container { Name = name, Image = Image, RestartPolicy = "Always" }, configure));
        return this;
    }

    public PodBuilder Regular(string name, Func<Container, Container>? configure = null)
    {
        _regular.Add(Configure(new Container { Name = name, Image = Image }, configure));
        return this;
    }

    public Pod Build() => PodDefaults.Apply(new Pod
    {
        Metadata = new Model.Meta.ObjectMeta
        {
            Name = _name,
            Namespace = "default",
            Uid = $"uid-{_name}",
            DeletionTimestamp = _deletedAt,
            DeletionGracePeriodSeconds = _deletionGrace,
        },
        Spec = new PodSpec
        {
            RestartPolicy = _restartPolicy,
            TerminationGracePeriodSeconds = _grace,
            InitContainers = _init.Count == 0 ? null : _init,
            Containers = _regular,
        },
    });

    public static Probe ExecProbe(int initialDelay = 0, int period = 10, int failureThreshold = 3, long? grace = null) => new()
    {
        Exec = new ExecAction { Command = ["true"] },
        InitialDelaySeconds = initialDelay,
        PeriodSeconds = period,
        FailureThreshold = failureThreshold,
        TerminationGracePeriodSeconds = grace,
    };

    public static LifecycleHandler SleepHook => new() { Exec = new ExecAction { Command = ["sleep", "1"] } };

    private static Container Configure(Container container, Func<Container, Container>? configure) => configure is null ? container : configure(container);
}
