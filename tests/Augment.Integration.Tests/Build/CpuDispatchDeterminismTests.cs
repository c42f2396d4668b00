using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// docs/randomness.md: the same bytes on every CPU. OpenCV and .NET pick code by the CPU at run time
/// (OpenCV's SSE4/AVX2/AVX-512 dispatch, .NET's Vector128/256/512 acceleration); these variables lower
/// what both may use on this machine, as an older or other CPU would, and every output of the two
/// sample configs and of a pipeline heavy in fields, resampling and float colour work must keep its
/// bytes.
/// </summary>
public sealed class CpuDispatchDeterminismTests : IDisposable
{
    // Every op whose arithmetic could depend on the vector width: elastic and grid fields (their blur
    // and remap maps), warps, resizes, float colour conversions, filters, noise, codecs.
    private const string HeavyConfig = """
        version: 1
        seed: 11
        inputs:
          images: ["images/coins.png", "images/cell.png", "images/chelsea.png", "images/rocket.jpg"]
          labels: "labels/{stem}.txt"    # chelsea's boxes go through the fields; the others have none
          missing_labels: empty
        bbox_params: { clip: true, min_visibility: 0.2 }
        variants: 4
        output:
          dir: out/heavy
          images: "images/{stem}_{variant:000}.png"
        pipeline:
          - ElasticTransform: { alpha: 40, sigma: 5, p: 1.0 }
          - GridDistortion: { p: 0.7 }
          - Affine: { rotate: [-20, 20], scale: [0.8, 1.2], shear: [-8, 8], p: 1.0 }
          - Perspective: { p: 0.5 }
          - RandomResizedCrop: { size: [200, 180], scale: [0.5, 1.0], interpolation: cubic }
          - ElasticTransform: { alpha: 20, sigma: 9, noise_distribution: uniform, p: 0.7 }
          - HueSaturationValue: { p: 0.8 }
          - ColorJitter: { p: 0.8 }
          - RandomBrightnessContrast: { p: 0.8 }
          - RandomGamma: { p: 0.5 }
          - CLAHE: { p: 0.5 }
          - GaussianBlur: { p: 0.5 }
          - MotionBlur: { p: 0.5 }
          - Sharpen: { p: 0.5 }
          - Downscale: { p: 0.5 }
          - GaussNoise: { std_range: [0.02, 0.1], p: 0.8 }
          - ImageCompression: { p: 0.3 }
        """;

    /// <summary>Lowered dispatch: no AVX of any width in OpenCV or .NET.</summary>
    private static readonly Dictionary<string, string?> NoAvx = new()
    {
        ["OPENCV_CPU_DISABLE"] = "AVX2,FMA3,AVX,FP16",
        ["DOTNET_EnableAVX512F"] = "0",
        ["DOTNET_EnableAVX2"] = "0",
        ["DOTNET_EnableAVX"] = "0",
    };

    /// <summary>As low as it goes: OpenCV's SSE4 and SSSE3 off too, and no hardware intrinsics in .NET at all.</summary>
    private static readonly Dictionary<string, string?> Lowest = new()
    {
        ["OPENCV_CPU_DISABLE"] = "AVX2,FMA3,AVX,FP16,POPCNT,SSE4.2,SSE4.1,SSSE3",
        ["DOTNET_EnableHWIntrinsic"] = "0",
    };

    private readonly TempFolder _temp = new();

    [Fact]
    public void Both_sample_configs_and_a_field_heavy_pipeline_keep_their_bytes_under_lowered_dispatch()
    {
        var dataset = _temp.Combine("dataset");
        CopyFolder(Path.Combine(RepoPaths.Root, "sample-dataset", "images"), Path.Combine(dataset, "images"));
        CopyFolder(Path.Combine(RepoPaths.Root, "sample-dataset", "masks"), Path.Combine(dataset, "masks"));
        CopyFolder(Path.Combine(RepoPaths.Root, "sample-dataset", "labels"), Path.Combine(dataset, "labels"));
        foreach (var config in new[] { "augment.yaml", "classification.yaml", "detection.yaml" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", config), Path.Combine(dataset, config));
        }

        File.WriteAllText(Path.Combine(dataset, "heavy.yaml"), HeavyConfig);

        var compared = 0;
        foreach (var config in new[] { "augment.yaml", "classification.yaml", "detection.yaml", "heavy.yaml" })
        {
            var reference = Build(dataset, config, "default", environment: null);
            Assert.True(reference.Count > 8, $"{config} built only {reference.Count} files");
            foreach (var (name, environment) in new[] { ("no-avx", NoAvx), ("lowest", Lowest) })
            {
                var lowered = Build(dataset, config, name, environment);
                Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), lowered.Keys.Order(StringComparer.Ordinal));
                var differing = reference.Keys.Where(k => reference[k] != lowered[k]).Order(StringComparer.Ordinal).ToList();
                Assert.True(differing.Count == 0, $"{config} under {name}: {differing.Count} of {reference.Count} files differ: {string.Join(", ", differing.Take(10))}");
                compared += lowered.Count;
            }
        }

        Assert.True(compared > 100, $"compared only {compared} files");
    }

    public void Dispose() => _temp.Dispose();

    // A fresh output and cache folder for every build, so each renders every item itself.
    private Dictionary<string, string> Build(string dataset, string config, string name, IReadOnlyDictionary<string, string?>? environment)
    {
        var output = _temp.Combine("out", Path.GetFileNameWithoutExtension(config), name);
        var cache = _temp.Combine("cache", Path.GetFileNameWithoutExtension(config), name);
        var result = ProcessRunner.RunTool(
            ["build", Path.Combine(dataset, config), "-o", output, "--cache-dir", cache, "--json"], environment);
        Assert.True(result.ExitCode == 0, $"{config} under {name}: {result}");
        Assert.Equal(string.Empty, result.StandardError);
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(output, f).StartsWith(".augment", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(output, f), TestDataset.Sha256, StringComparer.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
