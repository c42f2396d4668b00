using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>
/// Config to canonical arguments for the ops of Albumentations' 2D catalogue added after the first
/// forty, one partial file per group of ops (CatalogueOpDefinitionTests.*.cs): once with every
/// parameter written out, once with the defaults filled in, and bad values rejected at their position.
/// </summary>
public sealed partial class CatalogueOpDefinitionTests
{
    public static TheoryData<string, string, string> Bindings
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (op, given, canonical) in GroupBindings())
            {
                data.Add(op, given, canonical);
            }

            return data;
        }
    }

    public static TheoryData<string, string, string, string> Rejections
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var (op, given, at, code) in GroupRejections())
            {
                data.Add(op, given, at, code);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Binds_to_canonical_arguments(string op, string given, string canonical) =>
        OpDefinitionAssert.Binds(op, given, canonical);

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_a_bad_value_at_its_position(string op, string given, string at, string code) =>
        OpDefinitionAssert.Rejects(op, given, at, code);

    private static IEnumerable<(string Op, string Given, string Canonical)> GroupBindings() =>
    [
        // SquareSymmetry and D4 (its earlier name).
        ("SquareSymmetry", "{ p: 0.25 }", "{'p':0.25}"),
        ("SquareSymmetry", "{}", "{'p':0.5}"),
        ("D4", "{ p: 1 }", "{'p':1.0}"),
        ("D4", "{}", "{'p':0.5}"),
        .. BlursBindings,
        .. ColourBindings,
        .. NoiseBindings,
        .. WeatherBindings,
        .. CropsBindings,
        .. DistortionsBindings,
        .. DropoutsBindings,
        .. CompositionsBindings,
        .. MosaicBindings,
    ];

    private static IEnumerable<(string Op, string Given, string At, string Code)> GroupRejections() =>
    [
        ("SquareSymmetry", "{ element: r90 }", "element", ConfigErrorCode.UnknownKey),
        ("D4", "{ p: 2 }", "2", ConfigErrorCode.OutOfRange),
        .. BlursRejections,
        .. ColourRejections,
        .. NoiseRejections,
        .. WeatherRejections,
        .. CropsRejections,
        .. DistortionsRejections,
        .. DropoutsRejections,
        .. CompositionsRejections,
        .. MosaicRejections,
    ];
}
