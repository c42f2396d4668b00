namespace Augment.Integration.Tests.Build;

/// <summary>PRODUCT.md sections 1 and 4: byte-identical results whatever the thread count.</summary>
[Collection(BuildCollection.Name)]
public sealed class JobsDeterminismTests(SourcePool pool) : IDisposable
{
    private const string RichPipeline = """
          - HorizontalFlip: { p: 0.5 }
          - ElasticTransform: { alpha: 34, sigma: 4, p: 0.7 }
          - Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1.0 }
          - RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: 0.2, p: 0.5 }
          - GaussNoise: { std_range: [0.02, 0.08], p: 0.5 }
        """;

    private readonly TestDataset _data = new(pool);

    [Fact]
    public void Building_with_1_and_8_jobs_into_two_folders_gives_byte_identical_folders_and_manifests()
    {
        _data.WriteConfig(pipeline: RichPipeline);
        var one = Path.Combine(_data.Root, "jobs1");
        var eight = Path.Combine(_data.Root, "jobs8");

        var serial = _data.BuildOk("--jobs", "1", "-o", one);
        var parallel = _data.BuildOk("--jobs", "8", "-o", eight);

        Assert.Equal((80, 80), (serial.Built, parallel.Built));
        var a = TestDataset.Snapshot(one);
        var b = TestDataset.Snapshot(eight);
        Assert.Equal(161, a.Count); // 80 images, 80 masks, the manifest
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        var differing = a.Keys.Where(k => a[k].Sha256 != b[k].Sha256).ToList();
        Assert.True(differing.Count == 0, $"differ between --jobs 1 and --jobs 8: {string.Join(", ", differing)}");
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "manifest.json")), File.ReadAllBytes(Path.Combine(eight, "manifest.json")));
        // The pipeline did something: the variants of a source are not all alike.
        Assert.Equal(4, Enumerable.Range(0, 4).Select(v => a[TestDataset.ImageOf(0, v)].Sha256).Distinct().Count());
        TestDataset.AssertConsistent(one);
        TestDataset.AssertConsistent(eight);
    }

    public void Dispose() => _data.Dispose();
}
