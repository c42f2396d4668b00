using Augment.Core.Ops;
using Augment.Core.Tests.OpsTests.Definitions;
using Augment.GoldenImages;

namespace Augment.Core.Tests.OpsTests;

/// <summary>
/// Every op in the catalogue has both layers of tests: a definition test with every parameter written
/// out, one with defaults filled in, one rejected value, and a golden image. An op added to
/// BuiltInOps without them fails here.
/// </summary>
public sealed class OpTestCoverageTests
{
    public static TheoryData<string> CatalogueOps => new(OpCatalog.Default.Names);

    private static IEnumerable<(string Op, string Given)> Bindings =>
        SpatialOpDefinitionTests.Bindings.Concat(PixelOpDefinitionTests.Bindings).Concat(CompositionOpDefinitionTests.Bindings).Concat(CatalogueOpDefinitionTests.Bindings)
            .Select(row => ((string)row[0], (string)row[1]));

    private static IEnumerable<string> RejectedOps =>
        SpatialOpDefinitionTests.Rejections.Concat(PixelOpDefinitionTests.Rejections).Concat(CompositionOpDefinitionTests.Rejections).Concat(CatalogueOpDefinitionTests.Rejections)
            .Select(row => (string)row[0]);

    [Theory]
    [MemberData(nameof(CatalogueOps))]
    public void Op_has_a_definition_test_with_every_parameter_written_out(string op)
    {
        var descriptor = OpCatalog.Default.Find(op)!;

        Assert.True(
            Bindings.Any(b => b.Op == op && OpDefinitionAssert.NamesEveryParameter(descriptor, b.Given)),
            $"{op} needs a binding case that writes out all of {string.Join(", ", descriptor.Parameters.Select(p => p.Name))}");
    }

    [Theory]
    [MemberData(nameof(CatalogueOps))]
    public void Op_has_a_definition_test_with_defaults_filled_in(string op)
    {
        var descriptor = OpCatalog.Default.Find(op)!;

        Assert.True(
            Bindings.Any(b => b.Op == op && !OpDefinitionAssert.NamesEveryParameter(descriptor, b.Given)),
            $"{op} needs a binding case that leaves parameters out, so that their defaults are checked");
    }

    [Theory]
    [MemberData(nameof(CatalogueOps))]
    public void Op_has_a_definition_test_of_a_rejected_value(string op)
    {
        Assert.Contains(op, RejectedOps);
    }

    [Theory]
    [MemberData(nameof(CatalogueOps))]
    public void Op_has_a_golden_image(string op)
    {
        Assert.Contains(GoldenCases.All, c => c.Records.Any(r => r.Op == op));
    }

    [Fact]
    public void Every_case_names_a_catalogue_op()
    {
        var names = OpCatalog.Default.Names.ToHashSet(StringComparer.Ordinal);

        Assert.All(Bindings.Select(b => b.Op).Concat(RejectedOps).Concat(GoldenCases.All.Select(c => c.Op)), op => Assert.Contains(op, names));
    }
}
