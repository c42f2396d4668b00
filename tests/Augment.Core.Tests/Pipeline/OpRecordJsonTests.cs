using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Augment.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// A record written as the manifest writes it and read back renders the same bytes: replay draws no
/// random number and loses no precision. Checked for every op of the catalogue.
/// </summary>
public sealed class OpRecordJsonTests
{
    // Parameters an op cannot go without, and settings that make its effect visible.
    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["RandomCrop"] = "height: 120, width: 150",
        ["CenterCrop"] = "height: 120, width: 150",
        ["RandomResizedCrop"] = "size: [100, 140]",
        ["RandomSizedBBoxSafeCrop"] = "height: 100, width: 140",
        ["AtLeastOneBBoxRandomCrop"] = "height: 120, width: 150",
        ["Resize"] = "height: 100, width: 140",
        ["LongestMaxSize"] = "max_size: 160",
        ["SmallestMaxSize"] = "max_size: 160",
        ["PadIfNeeded"] = "min_height: 420, min_width: 420",
        ["Crop"] = "x_min: 10, y_min: 20, x_max: 200, y_max: 150",
        ["RandomSizedCrop"] = "min_max_height: [80, 160], size: [100, 140], w2h_ratio: 1.5",
        ["ElasticTransform"] = "alpha: 20, sigma: 5",
        ["CoarseDropout"] = "num_holes_range: [2, 4], fill_mask: 0",
        ["GaussNoise"] = "std_range: [0.02, 0.05]",
        ["OneOf"] = "transforms: [ { Rotate: {} }, { GaussianBlur: {} } ]",
        ["SomeOf"] = "transforms: [ { Rotate: {} }, { Perspective: {} }, { InvertImg: {} } ], n: 2",
        ["Sequential"] = "transforms: [ { Rotate: { p: 1 } }, { Solarize: { p: 1 } } ]",
        ["OneOrOther"] = "transforms: [ { Rotate: {} }, { GaussianBlur: {} } ]",
        ["RandomOrder"] = "transforms: [ { Rotate: { p: 1 } }, { Solarize: { p: 1 } }, { InvertImg: {} } ], n: 2",
        ["SelectiveChannelTransform"] = "transforms: [ { Solarize: { p: 1 } }, { GaussianBlur: {} } ], channels: [0]",
    };

    public static TheoryData<string> OpNames() => new(OpCatalog.Default.Names);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void A_record_read_back_from_json_renders_the_same_bytes(string op)
    {
        var extra = Arguments.TryGetValue(op, out var given) ? given + ", " : string.Empty;
        var config = AugmentConfigLoader.Parse(
            $"version: 1\nseed: 11\ninputs: {{ images: x }}\npipeline:\n  - {op}: {{ {extra}p: 1 }}\n", "augment.yaml");
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf("coins.png"));
        using var mask = ImageCodec.DecodeFile(SampleImages.PathOf("coins_mask.png"));

        for (var variant = 0; variant < 3; variant++)
        {
            var records = PipelineSampler.Sample(config.Pipeline, ItemSeed.Derive(11, "images/coins.png", variant), ImageInfo.Of(image));
            var text = new JArray(records.Select(OpRecordJson.ToJson)).ToString();
            var replayed = JArray.Parse(text).Cast<JObject>().Select(o => OpRecordJson.FromJson(o, config.Pipeline)).ToList();

            Assert.Equal(records.Select(r => (r.Path, r.Op, r.Applied)), replayed.Select(r => (r.Path, r.Op, r.Applied)));
            using var original = PipelineRenderer.Render(config.Pipeline, records, image, [mask], 0);
            using var replay = PipelineRenderer.Render(config.Pipeline, replayed, image, [mask], 0);
            Assert.Equal(original.Image.ToPackedArray(), replay.Image.ToPackedArray());
            Assert.Equal(original.Masks[0].ToPackedArray(), replay.Masks[0].ToPackedArray());
            Assert.Equal(original.Passes, replay.Passes);
        }
    }

    [Fact]
    public void Parameter_names_are_snake_case_and_the_path_and_op_are_kept()
    {
        var record = new OpRecord("1", "Affine", true, new Augment.Core.Ops.Spatial.AffineParams(12.5, 1.04, 3, -2, 0));

        var json = OpRecordJson.ToJson(record);

        Assert.Equal("1", json.Value<string>("path"));
        Assert.Equal("Affine", json.Value<string>("op"));
        Assert.True(json.Value<bool>("applied"));
        Assert.Equal(12.5, json["params"]!.Value<double>("rotate"));
        Assert.Equal(3, json["params"]!.Value<double>("translate_x"));
    }

    [Fact]
    public void A_record_that_names_another_op_than_the_pipeline_is_refused()
    {
        var config = AugmentConfigLoader.Parse("version: 1\nseed: 1\ninputs: { images: x }\npipeline:\n  - Rotate: {}\n", "augment.yaml");
        var json = JObject.Parse("""{"path": "0", "op": "Affine", "applied": true, "params": {}}""");

        var error = Assert.Throws<FormatException>(() => OpRecordJson.FromJson(json, config.Pipeline));
        Assert.Contains("Rotate", error.Message, StringComparison.Ordinal);
    }
}
