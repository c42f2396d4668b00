using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Augment.Core.Tests.Config;

/// <summary>
/// Property: a YAML config and the JSON config with the same values give the same canonical pipeline,
/// whatever the values, the order of the keys and the shorthand each one is written in.
/// </summary>
public sealed class YamlJsonEquivalenceTests
{
    private static readonly string[] Interpolations = ["nearest", "linear", "cubic", "area", "lanczos4"];

    [Fact]
    public void Yaml_and_json_with_the_same_values_give_the_same_canonical_pipeline()
    {
        var property = Prop.ForAll(Arb.From(Samples()), sample =>
        {
            var yaml = ConfigText.Parse(ConfigText.Yaml, sample.Yaml()).CanonicalPipeline;
            var json = ConfigText.Parse(ConfigText.Json, sample.Json()).CanonicalPipeline;
            return yaml == json;
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void The_generated_values_reach_the_canonical_pipeline()
    {
        // Guards the property above against passing because both sides ignore what is generated.
        var sample = new Sample(12.5, 0.25, (0.5, 2), (-0.3, 0.1), 5, 3, UseCodeInYaml: true, UseCodeInJson: false, PairInYaml: false, [0, 1, 2, 3], [3, 2, 1, 0]);

        var canonical = ConfigText.Parse(ConfigText.Json, sample.Json()).CanonicalPipeline;

        Assert.Contains("\"limit\":[-12.5,12.5]", canonical, StringComparison.Ordinal);
        Assert.Contains("\"scale\":[0.5,2.0]", canonical, StringComparison.Ordinal);
        Assert.Contains("\"brightness_limit\":[-0.3,0.1]", canonical, StringComparison.Ordinal);
        Assert.Contains("\"blur_limit\":[5,5]", canonical, StringComparison.Ordinal);
        Assert.Contains("\"interpolation\":\"area\"", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, ConfigText.Parse(ConfigText.Yaml, sample.Yaml()).CanonicalPipeline);
    }

    private static Gen<Sample> Samples() =>
        // 0 included: "limit: 0" means [-0, 0], which is canonically [0.0, 0.0] as JSON's [0, 0] is.
        from limitTenths in Gen.Choose(0, 3600)
        from pThousandths in Gen.Choose(0, 1000)
        from scale in Gen.Two(Gen.Choose(1, 10_000))
        from brightness in Gen.Two(Gen.Choose(-100, 100))
        from blurHalf in Gen.Choose(0, 127)
        from interpolation in Gen.Choose(0, 4)
        from useCodeInYaml in Gen.Elements(true, false)
        from useCodeInJson in Gen.Elements(true, false)
        from pairInYaml in Gen.Elements(true, false)
        from yamlOrder in Gen.Shuffle(new[] { 0, 1, 2, 3 })
        from jsonOrder in Gen.Shuffle(new[] { 0, 1, 2, 3 })
        select new Sample(
            limitTenths / 10.0,
            pThousandths / 1000.0,
            Ordered(scale.Item1 / 100.0, scale.Item2 / 100.0),
            Ordered(brightness.Item1 / 100.0, brightness.Item2 / 100.0),
            (2 * blurHalf) + 1,
            interpolation,
            useCodeInYaml,
            useCodeInJson,
            pairInYaml,
            yamlOrder,
            jsonOrder);

    private static (double Low, double High) Ordered(double a, double b) => a <= b ? (a, b) : (b, a);

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Values for Rotate, Affine, RandomBrightnessContrast and GaussianBlur, with how each format writes
    /// them: interpolation as a name or an OpenCV code, Rotate's limit as x or [-x, x], keys in an order.
    /// </summary>
    private sealed record Sample(
        double Limit, double P, (double Low, double High) Scale, (double Low, double High) Brightness, int Blur, int Interpolation,
        bool UseCodeInYaml, bool UseCodeInJson, bool PairInYaml, int[] YamlOrder, int[] JsonOrder)
    {
        public string Yaml()
        {
            var interpolation = UseCodeInYaml ? N(Interpolation) : Interpolations[Interpolation];
            var limit = PairInYaml ? $"[{N(-Limit)}, {N(Limit)}]" : N(Limit);
            string[] rotate = [$"limit: {limit}", $"p: {N(P)}", $"interpolation: {interpolation}", "border_mode: reflect"];
            return ConfigText.YamlPipeline(
                $"Rotate: {{ {string.Join(", ", YamlOrder.Select(i => rotate[i]))} }}",
                $"Affine: {{ scale: [{N(Scale.Low)}, {N(Scale.High)}], interpolation: {interpolation} }}",
                $"RandomBrightnessContrast: {{ brightness_limit: [{N(Brightness.Low)}, {N(Brightness.High)}], p: {N(P)} }}",
                $"GaussianBlur: {{ blur_limit: {Blur} }}");
        }

        public string Json()
        {
            var interpolation = UseCodeInJson ? N(Interpolation) : $"\"{Interpolations[Interpolation]}\"";
            var limit = PairInYaml ? N(Limit) : $"[{N(-Limit)}, {N(Limit)}]";
            string[] rotate = [$"\"limit\": {limit}", $"\"p\": {N(P)}", $"\"interpolation\": {interpolation}", "\"border_mode\": \"reflect\""];
            return ConfigText.JsonPipeline(
                $"{{ \"Rotate\": {{ {string.Join(", ", JsonOrder.Select(i => rotate[i]))} }} }}",
                $"{{ \"Affine\": {{ \"interpolation\": {interpolation}, \"scale\": [{N(Scale.Low)}, {N(Scale.High)}] }} }}",
                $"{{ \"RandomBrightnessContrast\": {{ \"p\": {N(P)}, \"brightness_limit\": [{N(Brightness.Low)}, {N(Brightness.High)}] }} }}",
                $"{{ \"GaussianBlur\": {{ \"blur_limit\": [{Blur}, {Blur}] }} }}");
        }
    }
}
