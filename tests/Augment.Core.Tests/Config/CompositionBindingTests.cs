using Augment.Core.Config;
using Augment.Core.Ops;
using Augment.Core.Ops.Composition;
using Augment.Core.Ops.Spatial;

namespace Augment.Core.Tests.Config;

/// <summary>OneOf, SomeOf and Sequential bind their <c>transforms</c>, nested, and report errors inside them where they are.</summary>
public sealed class CompositionBindingTests
{
    private const string Nested = """
        version: 1
        seed: 42
        inputs:
          images: "images/*.png"
        pipeline:
          - OneOf:
              p: 0.9
              transforms:
                - HorizontalFlip: { p: 1 }
                - Sequential:
                    transforms:
                      - Rotate: { limit: 10 }
                      - SomeOf:
                          n: 2
                          transforms: [VerticalFlip, Transpose, RandomRotate90]
        """;

    [Fact]
    public void Nested_compositions_bind_their_children_in_order()
    {
        var pipeline = ConfigText.Parse(ConfigText.Yaml, Nested).Pipeline;

        var oneOf = Assert.IsType<OneOf>(Assert.Single(pipeline));
        Assert.Equal(0.9, oneOf.Probability);
        Assert.Equal(2, oneOf.Children.Count);
        Assert.IsType<HorizontalFlip>(oneOf.Children[0]);
        var sequential = Assert.IsType<Sequential>(oneOf.Children[1]);
        Assert.IsType<Rotate>(sequential.Children[0]);
        var someOf = Assert.IsType<SomeOf>(sequential.Children[1]);
        Assert.Equal(["VerticalFlip", "Transpose", "RandomRotate90"], someOf.Children.Select(c => c.Descriptor.Name));
    }

    [Fact]
    public void The_canonical_form_holds_the_children_with_their_defaults()
    {
        var canonical = ConfigText.CanonicalYaml("SomeOf: { n: 2, transforms: [HorizontalFlip, { Rotate: { limit: 5 } }] }");

        Assert.StartsWith("""[{"op":"SomeOf","params":{"n":2,"p":1.0,"replace":false,"transforms":[{"op":"HorizontalFlip","params":{"p":0.5}},{"op":"Rotate","params":{""", canonical, StringComparison.Ordinal);
        Assert.Contains("\"limit\":[-5.0,5.0]", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_compositions_in_json_bind_as_in_yaml()
    {
        const string Json = """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "OneOf": { "p": 0.9, "transforms": [
                  { "HorizontalFlip": { "p": 1 } },
                  { "Sequential": { "transforms": [
                    { "Rotate": { "limit": 10 } },
                    { "SomeOf": { "n": 2, "transforms": ["VerticalFlip", "Transpose", "RandomRotate90"] } }
                  ] } }
                ] } }
              ]
            }
            """;

        Assert.Equal(ConfigText.Parse(ConfigText.Yaml, Nested).CanonicalPipeline, ConfigText.Parse(ConfigText.Json, Json).CanonicalPipeline);
    }

    [Theory]
    [InlineData("OneOf")]
    [InlineData("OneOf: { p: 1 }")]
    [InlineData("SomeOf: { n: 1 }")]
    [InlineData("Sequential: {}")]
    public void A_composition_without_transforms_is_reported_at_its_name(string op)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline(op), ConfigErrorCode.MissingKey, 6, 5);

        Assert.EndsWith("needs 'transforms', a list of ops", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_transforms_in_json_is_reported_at_the_name()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Json, ConfigText.JsonPipeline("{ \"OneOf\": { \"p\": 1 } }"), ConfigErrorCode.MissingKey, 6, 7);

        Assert.Equal("OneOf needs 'transforms', a list of ops", error.Problem);
    }

    [Fact]
    public void Empty_transforms_are_invalid_at_the_list()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("OneOf: { transforms: [] }"), ConfigErrorCode.InvalidValue, 6, 26);

        Assert.Equal("OneOf.transforms must list at least one op", error.Problem);
    }

    [Fact]
    public void Transforms_that_are_not_a_list_are_the_wrong_type()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("OneOf: { transforms: HorizontalFlip }"), ConfigErrorCode.WrongType, 6, 26);

        Assert.StartsWith("OneOf.transforms must be a list of ops", error.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, int> SomeOfTooMany => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - SomeOf:
                  n: 3
                  transforms:
                    - HorizontalFlip
                    - VerticalFlip
            """,
            7, 10
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "SomeOf": { "n": 3, "transforms": ["HorizontalFlip", "VerticalFlip"] } }
              ]
            }
            """,
            6, 24
        },
    };

    [Theory]
    [MemberData(nameof(SomeOfTooMany))]
    public void SomeOf_choosing_more_than_it_has_without_replacement_is_reported_at_n(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.InvalidValue, line, column);

        Assert.Equal("SomeOf: n is 3 but there are only 2 transforms to choose from without replacement", error.Problem);
    }

    [Fact]
    public void SomeOf_with_replacement_may_choose_more_than_it_has()
    {
        var op = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlPipeline("SomeOf: { n: 3, replace: true, transforms: [HorizontalFlip, VerticalFlip] }")).Pipeline[0];

        Assert.Equal(2, Assert.IsType<SomeOf>(op).Children.Count);
    }

    [Fact]
    public void OneOf_whose_children_all_have_p_zero_is_reported_at_the_transforms()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("OneOf: { transforms: [{ HorizontalFlip: { p: 0 } }] }"), ConfigErrorCode.InvalidValue, 6, 26);

        Assert.Contains("at least one child needs p > 0", error.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, int> UnknownInnerOp => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - SomeOf:
                  transforms:
                    - HorizontalFlip
                    - Sequential:
                        transforms:
                          - Rotat: { limit: 5 }
            """,
            11, 17
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "SomeOf": { "transforms": [
                  { "HorizontalFlip": {} },
                  { "Sequential": { "transforms": [{ "Rotat": { "limit": 5 } }] } }
                ] } }
              ]
            }
            """,
            8, 42
        },
    };

    [Theory]
    [MemberData(nameof(UnknownInnerOp))]
    public void An_unknown_op_inside_a_composition_is_reported_where_it_is(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownOp, line, column);

        Assert.Contains("did you mean 'Rotate'?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_parameter_of_a_nested_op_is_reported_where_it_is()
    {
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - OneOf:
                  transforms:
                    - Rotate: { limit: 10, p: 2 }
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.OutOfRange, 8, 35);

        Assert.StartsWith("Rotate.p is 2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_lists_the_compositions()
    {
        Assert.NotNull(OpCatalog.Default.Find("OneOf"));
        Assert.NotNull(OpCatalog.Default.Find("SomeOf"));
        Assert.NotNull(OpCatalog.Default.Find("Sequential"));
    }
}
