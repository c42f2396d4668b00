using System.Globalization;
using Augment.Core.Albumentations;
using Augment.Core.Config;
using Augment.Core.Ops;
using Augment.Core.Ops.Parameters;
using Augment.Core.Tests.Config;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Tests.Albumentations;

/// <summary>
/// Property: importing what `export albumentations` writes gives back the same canonical pipeline,
/// for random pipelines over the whole catalogue (every op but the box-guided crops, which need
/// labels), random values for every parameter and random nesting of compositions.
/// </summary>
public sealed class AlbumentationsRoundTripTests
{
    private static readonly OpDescriptor[] Leaves = [.. OpCatalog.Default.Descriptors.Where(d => d.Family != OpFamily.Composition && !d.Name.Contains("BBox", StringComparison.Ordinal))];
    private static readonly OpDescriptor[] PixelLeaves = [.. Leaves.Where(d => d.Family == OpFamily.Pixel)];
    private static readonly OpDescriptor[] Compositions = [.. OpCatalog.Default.Descriptors.Where(d => d.Family == OpFamily.Composition)];

    [Fact]
    public void Import_of_an_export_is_the_same_canonical_pipeline()
    {
        var valid = 0;
        var property = Prop.ForAll(Arb.From(Pipelines()), ops =>
        {
            AugmentConfig config;
            try
            {
                config = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlPipeline([.. ops]));
            }
            catch (ConfigException)
            {
                return true; // values that no config takes (an even kernel size, an empty range): not a pipeline
            }

            valid++;
            var json = AlbumentationsExporter.Write(config);
            var imported = AlbumentationsImporter.Parse(json, "exported.json", lenient: false);
            Assert.Empty(imported.LeftOut);
            var again = AugmentConfigLoader.Parse(AlbumentationsYaml.Write(imported), "augment.yaml");
            return again.CanonicalPipeline == config.CanonicalPipeline;
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300), property);
        Assert.True(valid >= 150, $"only {valid} of 300 generated pipelines were valid configs: the property checked too little");
    }

    [Fact]
    public void The_export_names_every_op_with_its_parameters_and_opencv_codes()
    {
        var config = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlPipeline(
            "Rotate: { limit: 20, interpolation: cubic, border_mode: reflect101, p: 0.25 }",
            "OneOf: { p: 0.5, transforms: [ { GaussianBlur: { blur_limit: [3, 5], p: 1 } }, { MedianBlur: { p: 1 } } ] }"));

        var json = JObject.Parse(AlbumentationsExporter.Write(config));

        Assert.Equal(AlbumentationsExporter.Version, json["__version__"]!.ToString());
        var transforms = (JArray)json["transform"]!["transforms"]!;
        Assert.Equal("Compose", json["transform"]!["__class_fullname__"]!.ToString());
        var rotate = (JObject)transforms[0];
        Assert.Equal(("Rotate", 0.25, 2, 4), (rotate["__class_fullname__"]!.ToString(), rotate["p"]!.Value<double>(), rotate["interpolation"]!.Value<int>(), rotate["border_mode"]!.Value<int>()));
        Assert.Equal([-20.0, 20.0], rotate["limit"]!.Values<double>());
        var oneOf = (JObject)transforms[1];
        Assert.Equal(["GaussianBlur", "MedianBlur"], ((JArray)oneOf["transforms"]!).Select(t => t["__class_fullname__"]!.ToString()));
        Assert.Equal([3.0, 5.0], oneOf["transforms"]![0]!["blur_limit"]!.Values<double>());
    }

    private static Gen<string[]> Pipelines() =>
        from count in Gen.Choose(1, 5)
        from ops in Gen.ArrayOf(Op(depth: 0), count)
        select ops;

    private static Gen<string> Op(int depth) =>
        from composition in Gen.Choose(0, 9)
        from text in composition == 0 && depth < 2 ? Composition(depth) : Leaf()
        select text;

    // OneOrOther takes exactly two children, SelectiveChannelTransform pixel ops only.
    private static Gen<string> Composition(int depth) =>
        from descriptor in Gen.Elements(Compositions)
        from children in ChildCount(descriptor).SelectMany(n => Gen.ArrayOf(descriptor.Name == "SelectiveChannelTransform" ? PixelLeaf() : Op(depth + 1), n))
        from p in Probability()
        from n in Gen.Choose(1, children.Length)
        select descriptor.Name is "SomeOf" or "RandomOrder"
            ? $"{descriptor.Name}: {{ n: {n}, p: {p}, transforms: [ {string.Join(", ", children.Select(c => $"{{ {c} }}"))} ] }}"
            : $"{descriptor.Name}: {{ p: {p}, transforms: [ {string.Join(", ", children.Select(c => $"{{ {c} }}"))} ] }}";

    private static Gen<int> ChildCount(OpDescriptor composition) => composition.Name == "OneOrOther" ? Gen.Constant(2) : Gen.Choose(1, 3);

    private static Gen<string> Probability() => Gen.Choose(0, 1000).Select(p => (p / 1000.0).ToString("R", CultureInfo.InvariantCulture));

    private static Gen<string> Leaf() => Leaf(Leaves);

    private static Gen<string> PixelLeaf() => Leaf(PixelLeaves);

    private static Gen<string> Leaf(OpDescriptor[] leaves) =>
        from descriptor in Gen.Elements(leaves)
        from values in Values(descriptor)
        select $"{descriptor.Name}: {AlbumentationsYaml.Flow(values)}";

    // A value for some of the op's parameters (every required one), each within its spec's bounds.
    private static Gen<JObject> Values(OpDescriptor descriptor)
    {
        var specs = descriptor.Parameters.Where(p => p is not OpsParam).ToList();
        return Gen.ArrayOf(Gen.Choose(0, 1_000_000), specs.Count * 3).Select(draws =>
        {
            var values = new JObject();
            for (var i = 0; i < specs.Count; i++)
            {
                var (give, a, b) = (draws[3 * i] % 2 == 0, draws[(3 * i) + 1] / 1e6, draws[(3 * i) + 2] / 1e6);
                if (give || specs[i].Default is null)
                {
                    values[specs[i].Name] = Value(specs[i], a, b);
                }
            }

            return values;
        });
    }

    private static JToken Value(ParamSpec spec, double a, double b) => spec switch
    {
        NumberParam n when n.Name == "p" => Round(a),
        NumberParam n => Within(n.Min, n.Max, a, n.TypeText == "int"),
        RangeParam r => new JArray(Within(r.Min, r.Max, Math.Min(a, b), r.TypeText.StartsWith("[int", StringComparison.Ordinal)), Within(r.Min, r.Max, Math.Max(a, b), r.TypeText.StartsWith("[int", StringComparison.Ordinal))),
        BoolParam => a < 0.5,
        ChoiceParam c => c.Names[(int)(a * c.Names.Count) % c.Names.Count],
        FillParam => Math.Round(a * 255),
        _ => spec.Default!,
    };

    // A value in [min, max], over at most 100 units from min, so that sizes stay small enough to render.
    private static JToken Within(double min, double max, double fraction, bool integer)
    {
        var value = min + (fraction * Math.Min(max - min, 100));
        return integer ? new JValue((long)Math.Round(value)) : new JValue(Round(value));
    }

    private static double Round(double value) => double.Parse(value.ToString("0.###", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
