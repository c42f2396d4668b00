using System.Globalization;
using System.Reflection;
using Augment.Benchmarks.Support;
using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Engine;
using Augment.Core.Imaging;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks.Cache;

/// <summary>
/// Item keys (PRODUCT.md section 6) for a plan of <see cref="Items"/> outputs of the sample
/// segmentation config: the SHA-256 over the key fields alone, and the key with its fields derived
/// per item the way DatasetPlanner.KeyOf derives them (canonical pipeline text, engine fingerprint
/// hash, encoding text and tool version for every item).
/// </summary>
public class ItemKeyBenchmarks
{
    // DatasetPlanner.MaskEncoding: masks are always PNG with the default settings.
    private static readonly EncodeSettings MaskEncoding = new(ImageFormat.Png);

    private AugmentConfig? _config;
    private ItemKeyInputs[] _inputs = [];
    private string _toolVersion = string.Empty;

    [Params(1000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _config = AugmentConfigLoader.Load(Path.Combine(Repository.SampleDataset, "augment.yaml"));
        _toolVersion = ToolVersion();
        _inputs = Enumerable.Range(0, Items).Select(Inputs).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Compute()
    {
        var total = 0;
        foreach (var inputs in _inputs)
        {
            total += inputs.Compute().Length;
        }

        return total;
    }

    [Benchmark]
    public int ComputeDerivingFields()
    {
        var total = 0;
        for (var i = 0; i < Items; i++)
        {
            total += Inputs(i).Compute().Length;
        }

        return total;
    }

    // As DatasetPlanner.KeyOf builds them: every field read afresh for each item.
    private ItemKeyInputs Inputs(int i)
    {
        var config = _config!;
        var sourceFormat = ImageFormats.FromExtension(SourcePath(i)) ?? ImageFormat.Png;
        var encoding = $"image={config.OutputFormat.SettingsFor(sourceFormat)};mask={MaskEncoding}";
        return new ItemKeyInputs(
            AugmentConfigLoader.SchemaVersion, ToolVersion(), EngineFingerprint.Current.Sha256, config.CanonicalPipeline, encoding, config.Seed,
            SourcePath(i), i % config.Variants, config.MaskFill, FakeSha(i, 0), [FakeSha(i, 1)]);
    }

    private static string SourcePath(int i) => string.Create(CultureInfo.InvariantCulture, $"images/source_{i / 4:00000}.png");

    private static string FakeSha(int i, int which) => Convert.ToHexStringLower(BitConverter.GetBytes((long)((i * 2) + which))).PadLeft(64, '0');

    private static string ToolVersion() =>
        typeof(AugmentConfig).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
