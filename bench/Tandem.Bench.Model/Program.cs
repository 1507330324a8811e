using System.Diagnostics;
using Tandem.Bench.Model;

// Throughput of the whole manifest pipeline on one core: read YAML, decode strictly, default,
// validate, lint. Usage: dotnet run -c Release --project bench/Tandem.Bench.Model [seconds]
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var manifest = BenchManifest.Create();
Console.WriteLine($"manifest: {manifest.Split('\n').Length} lines, {manifest.Length} bytes");

var pipeline = new ManifestPipeline();
pipeline.Run(manifest); // the first run pays for JIT, reported separately
for (var i = 0; i < 2000; i++)
{
    pipeline.Run(manifest);
}

var stopwatch = Stopwatch.StartNew();
var pods = 0;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
while (stopwatch.Elapsed.TotalSeconds < seconds)
{
    pipeline.Run(manifest);
    pods++;
}
stopwatch.Stop();
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
Console.WriteLine($"pods/s (parse+default+validate+lint, one thread): {pods / stopwatch.Elapsed.TotalSeconds:F0}");
Console.WriteLine($"mean per pod: {stopwatch.Elapsed.TotalMilliseconds * 1000 / pods:F1} us, allocated per pod: {allocated / pods / 1024.0:F1} KiB");
