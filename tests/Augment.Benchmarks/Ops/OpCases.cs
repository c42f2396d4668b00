using Augment.Benchmarks.Support;
using Augment.Core.Config;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Benchmarks.Ops;

/// <summary>
/// One op of the catalogue, ready to render on one input: bound from its default parameters (plus
/// the few arguments below), with <c>p: 1</c>, and with the parameters of the first variant whose
/// render changes the image. An op added to the catalogue is benchmarked without a change here; one
/// that needs arguments, or whose defaults do nothing, fails the guard and belongs in
/// <see cref="Arguments"/>.
/// </summary>
internal sealed class OpCase
{
    // How many variants to try for a render that changes the image: RandomRotate90 draws "no turn"
    // one time in four, so a few are needed; none of the ops needs more than a handful.
    private const int MaxVariants = 32;

    /// <summary>
    /// Arguments beyond the defaults, by op, for the input's size: required sizes (three quarters of
    /// the input's, or all of it for RandomResizedCrop, which crops anyway), and ops whose defaults are
    /// the identity (Affine) or leave a 1024-pixel side as it is (LongestMaxSize's max_size 1024).
    /// </summary>
    private static readonly Dictionary<string, Func<ImageSize, string>> Arguments = new(StringComparer.Ordinal)
    {
        ["Affine"] = _ => "rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06]",
        ["CenterCrop"] = s => $"height: {s.Height * 3 / 4}, width: {s.Width * 3 / 4}",
        ["RandomCrop"] = s => $"height: {s.Height * 3 / 4}, width: {s.Width * 3 / 4}",
        ["RandomResizedCrop"] = s => $"size: [{s.Height}, {s.Width}]",
        ["BBoxSafeRandomCrop"] = _ => "erosion_rate: 0.3", // without boxes: an erosive random crop (none at 0)
        ["RandomSizedBBoxSafeCrop"] = s => $"height: {s.Height}, width: {s.Width}, erosion_rate: 0.3",
        ["AtLeastOneBBoxRandomCrop"] = s => $"height: {s.Height * 3 / 4}, width: {s.Width * 3 / 4}",
        ["Resize"] = s => $"height: {s.Height * 3 / 4}, width: {s.Width * 3 / 4}",
        ["LongestMaxSize"] = s => $"max_size: {Math.Max(s.Width, s.Height) * 3 / 4}",
    };

    /// <summary>(op, channels) that may leave the image as it is, with why: a gray image is already gray.</summary>
    private static readonly HashSet<(string Op, int Channels)> MayLeaveUnchanged = [("ToGray", 1)];

    private OpCase(AugmentConfig config, IReadOnlyList<OpRecord> records)
    {
        Config = config;
        Records = records;
    }

    /// <summary>Every op of the catalogue but the compositions (OneOf, SomeOf, Sequential only choose children).</summary>
    public static IEnumerable<string> Names =>
        OpCatalog.Default.Descriptors.Where(d => d.Family != OpFamily.Composition).Select(d => d.Name);

    public AugmentConfig Config { get; }

    /// <summary>The sampled records of the chosen variant: what the benchmark replays.</summary>
    public IReadOnlyList<OpRecord> Records { get; }

    /// <summary>The parameters the op renders with, as the manifest records them but with 3 decimals: <c>{"angle":-12.346}</c>.</summary>
    public string Sampled => string.Join(' ', Records.Select(r => Rounded(OpRecordJson.ToJson(r)["params"]!).ToString(Formatting.None)));

    /// <summary>Binds <paramref name="op"/> and picks a variant whose render changes <paramref name="input"/>; throws when none does.</summary>
    public static OpCase Prepare(string op, BenchmarkImage image, ImageBuffer input)
    {
        var info = ImageInfo.Of(input);
        var extra = Arguments.TryGetValue(op, out var arguments) ? arguments(info.Size) + ", " : string.Empty;
        var config = Pipelines.Parse($"{op}: {{ {extra}p: 1 }}");
        for (var variant = 0; variant < MaxVariants; variant++)
        {
            var seed = ItemSeed.Derive(config.Seed, BenchmarkImages.ItemPath, variant);
            var records = PipelineSampler.Sample(config.Pipeline, seed, info);
            using var result = PipelineRenderer.Render(config.Pipeline, records, input, [], config.MaskFill);
            if (records.All(r => r.Applied) && (Differs(input, result.Image) || MayLeaveUnchanged.Contains((op, info.Channels))))
            {
                return new OpCase(config, records);
            }
        }

        throw new InvalidOperationException(
            $"{op} left the {image} input unchanged in {MaxVariants} variants: give it arguments that change the image in {nameof(OpCase)}.{nameof(Arguments)}");
    }

    private static JToken Rounded(JToken token) => token switch
    {
        JValue { Type: JTokenType.Float } value => new JValue(Math.Round(value.Value<double>(), 3)),
        JArray array => new JArray(array.Select(Rounded)),
        JObject json => new JObject(json.Properties().Select(p => new JProperty(p.Name, Rounded(p.Value)))),
        _ => token,
    };

    private static bool Differs(ImageBuffer a, ImageBuffer b)
    {
        if (a.Width != b.Width || a.Height != b.Height || a.Channels != b.Channels || a.DepthBits != b.DepthBits)
        {
            return true;
        }

        for (var y = 0; y < a.Height; y++)
        {
            if (!a.Row(y).SequenceEqual(b.Row(y)))
            {
                return true;
            }
        }

        return false;
    }
}
