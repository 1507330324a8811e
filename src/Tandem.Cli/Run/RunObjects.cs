using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;

namespace Tandem.Cli.Run;

/// <summary>The objects of the manifest <c>tandem run</c> was given, defaulted and validated, sorted by kind.</summary>
public sealed record RunObjects(IReadOnlyList<Pod> Pods, IReadOnlyList<ConfigMap> ConfigMaps, IReadOnlyList<Secret> Secrets)
{
    /// <summary>
    /// Reads the file the way <c>kubectl apply</c> would; returns the objects, or every problem as
    /// <c>file:line:col: message</c> lines (nothing is run when there is one).
    /// </summary>
    public static (RunObjects? Objects, IReadOnlyList<string> Errors) Load(string path)
    {
        var manifest = ManifestLoader.LoadFile(path);
        var errors = manifest.Problems.Select(p => p.ToString()).ToList();
        var pods = new List<Pod>();
        var configMaps = new List<ConfigMap>();
        var secrets = new List<Secret>();
        foreach (var loaded in manifest.Objects)
        {
            switch (loaded.Defaulted)
            {
                case Pod pod:
                    pods.Add(pod);
                    break;
                case ConfigMap configMap:
                    configMaps.Add(configMap);
                    break;
                case Secret secret:
                    secrets.Add(secret);
                    break;
                case Namespace:
                    break; // every namespace exists on a single node
                default:
                    errors.Add($"{loaded.Start}: {loaded.DisplayName}: tandem run runs Pods (with their ConfigMaps and Secrets); a {loaded.Written.Kind} needs a cluster");
                    break;
            }
        }
        if (errors.Count == 0 && pods.Count == 0)
        {
            errors.Add($"{manifest.File}: no Pod to run; tandem run needs at least one object of kind Pod");
        }
        return errors.Count > 0 ? (null, errors) : (new RunObjects(pods, configMaps, secrets), []);
    }
}
