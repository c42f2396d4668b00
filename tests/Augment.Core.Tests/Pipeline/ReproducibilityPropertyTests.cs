using System.Collections.Concurrent;
using System.Globalization;
using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using FsCheck;
using FsCheck.Fluent;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// The reproducibility contract (PRODUCT.md section 4, docs/randomness.md) as FsCheck properties over
/// a small dataset of sample crops: outputs do not depend on thread count or order, on which other
/// items exist, on <c>variants</c>, or on other ops' parameters. Every item carries boxes with
/// keypoints (docs/labels.md), and its output label file and box fates are part of what is compared.
/// </summary>
public sealed class ReproducibilityPropertyTests : IDisposable
{
    private const int VariantsPerItem = 3;

    private const string MixedPipeline = """
        - BBoxSafeRandomCrop: { erosion_rate: 0.2, p: 0.5 }
        - HorizontalFlip: { p: 0.5 }
        - Rotate: { limit: 30, p: 0.7 }
        - RandomBrightnessContrast: { p: 0.5 }
        - OneOf: { p: 0.6, transforms: [ Transpose, { RandomRotate90: { p: 1 } }, { Affine: { scale: [0.8, 1.2], shear: [-10, 10] } } ] }
        - GaussianBlur: { sigma_limit: [0.3, 1.5], p: 0.5 }
        - SomeOf: { n: 2, transforms: [ VerticalFlip, { Affine: { translate_percent: [-0.1, 0.1] } }, { RandomBrightnessContrast: { brightness_limit: 0.1 } } ] }
        - Sequential: { p: 0.8, transforms: [ { Rotate: { limit: 10, p: 0.5 } }, { GaussianBlur: { p: 0.5 } } ] }
        - ElasticTransform: { alpha: 20, sigma: 4, p: 0.5 }
        - CoarseDropout: { fill_mask: 254, p: 0.5 }
        - GridDistortion: { p: 0.5 }
        """;

    // Item paths as a config would give them (relative, forward slashes), and the sample each shows.
    private static readonly (string Path, string Sample, string? Mask)[] Dataset =
    [
        ("images/astronaut.png", "astronaut.png", null),
        ("images/coffee.png", "coffee.png", null),
        ("images/cats/chelsea.png", "chelsea.png", null),
        ("images/coins.png", "coins.png", "coins_mask.png"),
        ("images/horse.png", "horse.png", null),
        ("images/cell.png", "cell.png", "cell_mask.png"),
    ];

    private static readonly FsCheck.Config Quick = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(12);

    private readonly AugmentConfig _config = PipelineTestKit.Config(MixedPipeline, maskFill: 255);
    private readonly Dictionary<string, (ImageBuffer Image, ImageBuffer[] Masks)> _sources = [];
    private readonly Dictionary<(string Path, int Variant), string> _reference = [];

    // Three boxes with two keypoints each, inside the 96x72 crops; one reaches the edge.
    private static readonly ItemLabels Labels = new(
        [
            new LabeledBox(0, "0", new BoundingBox(10.5, 8.25, 40, 30), 1, Keypoints: [new Keypoint(20.5, 15.5, 2), new Keypoint(35.25, 28, 1)]),
            new LabeledBox(1, "3", new BoundingBox(50, 40, 96, 72), 2, Keypoints: [new Keypoint(70.5, 60.5, 2), Keypoint.Unlabelled]),
            new LabeledBox(2, "1", new BoundingBox(30, 30, 33, 34), 3, Keypoints: [new Keypoint(31.5, 31.5, 2), new Keypoint(32.5, 33.5, 2)]),
        ],
        [],
        new BoxParams("yolo", MinArea: 4, MinVisibility: 0.2, Clip: true),
        new KeypointParams(Count: 2, Dims: 3));

    public ReproducibilityPropertyTests()
    {
        foreach (var (path, sample, mask) in Dataset)
        {
            // Small non-square crops keep the properties fast; the same crop of the mask stays aligned.
            _sources[path] = (CropOf(sample), mask is null ? [] : [CropOf(mask)]);
        }

        foreach (var item in AllItems())
        {
            _reference[item] = RenderItem(item);
        }
    }

    [Fact]
    public void Any_order_on_one_or_eight_threads_gives_the_same_bytes()
    {
        var items = AllItems().ToArray();
        var property = Prop.ForAll(Gen.Shuffle(items).ToArbitrary(), order =>
        {
            var sequential = order.ToDictionary(item => item, RenderItem);
            var parallel = new ConcurrentDictionary<(string, int), string>();
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 8 }, item => parallel[item] = RenderItem(item));

            return items.All(item => sequential[item] == _reference[item] && parallel[item] == _reference[item]);
        });

        Check.One(Quick, property);
    }

    [Fact]
    public void An_items_output_does_not_depend_on_which_other_items_exist()
    {
        var paths = Dataset.Select(d => d.Path).ToArray();
        var property = Prop.ForAll(Gen.SubListOf(paths).Where(s => s.Count > 0).ToArbitrary(), subset =>
        {
            // A dataset of only these sources: seeds derived per item, outputs compared with the full set's.
            var outputs = RenderDataset(subset, VariantsPerItem);
            return outputs.Count == subset.Count * VariantsPerItem && outputs.All(o => o.Value == _reference[o.Key]);
        });

        Check.One(Quick, property);
    }

    [Fact]
    public void Raising_variants_from_8_to_10_leaves_variants_0_to_7_unchanged()
    {
        var source = _sources["images/coins.png"];
        var gen =
            from seed in Gen.Choose(0, int.MaxValue)
            from name in Gen.Elements("a.png", "dir/b.jpg", "x/y/z/coins.png", "ünïcode.png")
            select ((ulong)seed * 2654435761UL, "images/" + name);
        var property = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (seed, path) = input;
            var eight = ConfigWithVariants(seed, 8);
            var ten = ConfigWithVariants(seed, 10);
            Assert.Equal((8, 10), (eight.Variants, ten.Variants));

            var before = Enumerable.Range(0, eight.Variants).Select(v => Sample(eight, path, v, source.Image)).ToList();
            var after = Enumerable.Range(0, ten.Variants).Select(v => Sample(ten, path, v, source.Image)).ToList();
            for (var v = 0; v < 8; v++)
            {
                Assert.Equal(before[v], after[v]);
                Assert.Equal(RenderRecords(eight, before[v], source), RenderRecords(ten, after[v], source));
            }
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(8), property);
    }

    [Fact]
    public void Editing_op_k_leaves_every_other_ops_sampled_parameters_unchanged()
    {
        var gen =
            from ops in Gen.ListOf(RandomOp(), 5)
            from k in Gen.Choose(0, 4)
            from replacement in RandomOp()
            from seed in Gen.Choose(0, int.MaxValue)
            select (ops.ToArray(), k, replacement, (ulong)seed);
        var property = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (ops, k, replacement, seed) = input;
            var edited = ops.ToArray();
            edited[k] = replacement;
            var original = PipelineTestKit.Pipeline(string.Join('\n', ops));
            var changed = PipelineTestKit.Pipeline(string.Join('\n', edited));
            // Not square, so that anything reading the size would show it; no op here changes the size.
            var info = new ImageInfo(200, 120, 3, 8);

            for (var variant = 0; variant < 4; variant++)
            {
                var itemSeed = ItemSeed.Derive(seed, "images/a.png", variant);
                var a = PipelineSampler.Sample(original, itemSeed, info).Where(r => !IsUnder(r.Path, k)).ToList();
                var b = PipelineSampler.Sample(changed, itemSeed, info).Where(r => !IsUnder(r.Path, k)).ToList();
                Assert.Equal(a, b);
            }
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    public void Dispose()
    {
        foreach (var (image, masks) in _sources.Values)
        {
            image.Dispose();
            Array.ForEach(masks, m => m.Dispose());
        }
    }

    // One op entry with random parameters, from the ops that keep the size.
    private static Gen<string> RandomOp()
    {
        var probability = Gen.Elements("0.3", "0.5", "1");
        return Gen.OneOf(
            from low in Gen.Choose(-90, 0) from high in Gen.Choose(0, 90) from p in probability
            select $"- Rotate: {{ limit: [{low}, {high}], p: {p} }}",
            from scale in Gen.Choose(5, 20) from rotate in Gen.Choose(0, 45) from shear in Gen.Choose(0, 30) from p in probability
            select $"- Affine: {{ scale: [0.5, {Tenths(scale)}], rotate: [-{rotate}, {rotate}], shear: {shear}, translate_percent: [-0.1, 0.2], p: {p} }}",
            from size in Gen.Elements(3, 5, 9, 15) from sigma in Gen.Choose(2, 40) from p in probability
            select $"- GaussianBlur: {{ blur_limit: [3, {size}], sigma_limit: [0.1, {Tenths(sigma)}], p: {p} }}",
            from brightness in Gen.Choose(0, 9) from contrast in Gen.Choose(0, 9) from p in probability
            select $"- RandomBrightnessContrast: {{ brightness_limit: 0.{brightness}, contrast_limit: 0.{contrast}, p: {p} }}",
            from p in probability select $"- HorizontalFlip: {{ p: {p} }}",
            from low in Gen.Choose(-45, 0) from sigma in Gen.Choose(2, 40)
            select $"- OneOf: {{ p: 0.7, transforms: [ {{ Rotate: {{ limit: [{low}, 0] }} }}, {{ GaussianBlur: {{ sigma_limit: [0.1, {Tenths(sigma)}] }} }}, VerticalFlip ] }}");
    }

    private static string Tenths(int value) => (value / 10.0).ToString(CultureInfo.InvariantCulture);

    private static bool IsUnder(string path, int k)
    {
        var top = path.Split('.')[0];
        return top == k.ToString(CultureInfo.InvariantCulture);
    }

    private static AugmentConfig ConfigWithVariants(ulong seed, int variants) => AugmentConfigLoader.Parse(
        $"version: 1\nseed: {seed}\nvariants: {variants}\ninputs:\n  images: \"images/**/*.png\"\npipeline:\n" +
        string.Join('\n', MixedPipeline.Split('\n').Select(line => "  " + line)),
        "augment.yaml");

    private static IReadOnlyList<OpRecord> Sample(AugmentConfig config, string path, int variant, ImageBuffer image) =>
        PipelineSampler.Sample(config.Pipeline, ItemSeed.Derive(config.Seed, path, variant), ImageInfo.Of(image), Labels.Boxes.Select(b => b.Box).ToList());

    private static string RenderRecords(AugmentConfig config, IReadOnlyList<OpRecord> records, (ImageBuffer Image, ImageBuffer[] Masks) source)
    {
        using var result = PipelineRenderer.Render(config.Pipeline, records, source.Image, source.Masks, config.MaskFill, Labels);
        var target = new LabelTarget("images/a.png", result.Image.Width, result.Image.Height, result.Image.Channels);
        var labels = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(YoloLabels.Instance.Write(result.Labels!.Kept, target)));
        var fates = BoxFateJson.ToJson(result.Labels.Fates).ToString(Newtonsoft.Json.Formatting.None);
        return string.Join(";", result.Masks.Select(PipelineTestKit.Hash).Prepend(PipelineTestKit.Hash(result.Image)).Append($"passes {result.Passes}").Append(labels).Append(fates));
    }

    private static ImageBuffer CropOf(string sample)
    {
        using var full = PipelineTestKit.Load(sample);
        return PipelineTestKit.Crop(full, full.Width / 3, full.Height / 3, 96, 72);
    }

    private IEnumerable<(string Path, int Variant)> AllItems() =>
        from d in Dataset from v in Enumerable.Range(0, VariantsPerItem) select (d.Path, v);

    private Dictionary<(string Path, int Variant), string> RenderDataset(IEnumerable<string> paths, int variants) =>
        (from path in paths from v in Enumerable.Range(0, variants) select (path, v)).ToDictionary(item => item, RenderItem);

    private string RenderItem((string Path, int Variant) item) =>
        RenderRecords(_config, Sample(_config, item.Path, item.Variant, _sources[item.Path].Image), _sources[item.Path]);
}
