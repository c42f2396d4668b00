using Augment.Core.Config;
using Augment.Core.Ops;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>
/// Config to canonical arguments for OneOf, SomeOf and Sequential: children are bound as ops of their
/// own (their defaults filled in), and errors inside a child point into the child.
/// </summary>
public sealed class CompositionOpDefinitionTests
{
    private const string FlipsCanonical = "[{'op':'HorizontalFlip','params':{'p':0.5}},{'op':'VerticalFlip','params':{'p':0.5}}]";

    public static TheoryData<string, string, string> Bindings => new()
    {
        {
            "OneOf", "{ transforms: [{ HorizontalFlip: { p: 0.2 } }, { Rotate: { limit: 10 } }], p: 1 }",
            "{'p':1.0,'transforms':[{'op':'HorizontalFlip','params':{'p':0.2}},{'op':'Rotate','params':{'border_mode':'constant','fill':[0.0],'fill_mask':null,'interpolation':'linear','limit':[-10.0,10.0],'p':0.5,'rotate_method':'largest_box'}}]}"
        },
        { "OneOf", "{ transforms: [HorizontalFlip, VerticalFlip] }", "{'p':0.5,'transforms':" + FlipsCanonical + "}" },
        {
            "SomeOf", "{ transforms: [HorizontalFlip, { ToGray: { p: 1 } }], n: 2, replace: true, p: 0.5 }",
            "{'n':2,'p':0.5,'replace':true,'transforms':[{'op':'HorizontalFlip','params':{'p':0.5}},{'op':'ToGray','params':{'p':1.0}}]}"
        },
        { "SomeOf", "{ transforms: [InvertImg] }", "{'n':1,'p':1.0,'replace':false,'transforms':[{'op':'InvertImg','params':{'p':0.5}}]}" },
        {
            "Sequential", "{ transforms: [{ OneOf: { transforms: [HorizontalFlip, VerticalFlip] } }, Transpose], p: 0.25 }",
            "{'p':0.25,'transforms':[{'op':'OneOf','params':{'p':0.5,'transforms':" + FlipsCanonical + "}},{'op':'Transpose','params':{'p':0.5}}]}"
        },
        { "Sequential", "{ transforms: [HorizontalFlip, VerticalFlip] }", "{'p':0.5,'transforms':" + FlipsCanonical + "}" },
    };

    public static TheoryData<string, string, string, string> Rejections => new()
    {
        { "OneOf", "{ p: 1 }", "OneOf", ConfigErrorCode.MissingKey },
        { "OneOf", "{ transforms: [{ HorizontalFlip: { p: 0 } }] }", "[", ConfigErrorCode.InvalidValue },
        { "OneOf", "{ transforms: [{ Rotate: { limit: 400 } }] }", "400", ConfigErrorCode.OutOfRange },
        { "SomeOf", "{ transforms: [HorizontalFlip], n: 2 }", "2", ConfigErrorCode.InvalidValue },
        { "SomeOf", "{ transforms: [HorizontalFlip], n: 0 }", "0", ConfigErrorCode.OutOfRange },
        { "SomeOf", "{ transforms: [HorizontalFlip, Rotat] }", "Rotat", ConfigErrorCode.UnknownOp },
        { "Sequential", "{ transforms: [] }", "[]", ConfigErrorCode.InvalidValue },
        { "Sequential", "{ transforms: HorizontalFlip }", "HorizontalFlip", ConfigErrorCode.WrongType },
        { "Sequential", "{ transforms: [{ VerticalFlip: { prob: 1 } }] }", "prob", ConfigErrorCode.UnknownKey },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Binds_to_canonical_arguments(string op, string given, string canonical) =>
        OpDefinitionAssert.Binds(op, given, canonical);

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_a_bad_value_at_its_position(string op, string given, string at, string code) =>
        OpDefinitionAssert.Rejects(op, given, at, code);

    [Fact]
    public void Children_are_bound_ops_in_the_order_written()
    {
        var config = AugmentConfigLoader.Parse(
            OpDefinitionAssert.ConfigText("SomeOf", "{ transforms: [HorizontalFlip, { Rotate: { limit: 10, p: 0.3 } }, InvertImg], n: 2 }"),
            OpDefinitionAssert.FilePath);

        var someOf = Assert.IsAssignableFrom<ICompositionOp>(Assert.Single(config.Pipeline));
        Assert.Equal(["HorizontalFlip", "Rotate", "InvertImg"], someOf.Children.Select(c => c.Descriptor.Name));
        Assert.Equal(0.3, someOf.Children[1].Probability);

        // Albumentations 2.x: SomeOf's chosen children still draw their own p; OneOf forces its one.
        Assert.False(someOf.ForcesChildren);
    }
}
