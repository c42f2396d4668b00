using Augment.Core.Imaging;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.GoldenImages;

namespace Augment.Core.Tests.OpsTests;

/// <summary>
/// The pixel layer of every op's tests: each case of <see cref="GoldenCases"/> rendered from its fixed
/// records and compared with its reference in tests/golden, exactly for ops that do not interpolate,
/// within the case's justified tolerance for the others; masks always exactly. A failure means the
/// op's output changed. Do not regenerate the reference to make it pass (tests/golden/README.md).
/// </summary>
public sealed class GoldenImageTests
{
    private const string NeverRegenerate = "If this change is intended, regenerate with build/golden.sh and review the image in the diff; never regenerate just to make this test pass (tests/golden/README.md).";

    public static TheoryData<string> Cases => new(GoldenCases.All.Select(c => c.Id));

    public static TheoryData<string> CasesWithMasks => new(GoldenCases.All.Where(c => c.WithMask).Select(c => c.Id));

    private static string Folder => Path.Combine(GoldenCases.RepositoryRoot(), "tests", "golden");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Image_matches_its_reference(string id)
    {
        var c = Case(id);
        using var result = GoldenCases.Render(c);
        using var reference = Reference(c.ImageFile);

        var difference = ImageDifference.Of(reference, result.Image);

        if (c.Tolerance is not { } tolerance)
        {
            Assert.True(difference.Differing == 0, $"{id} must match its reference exactly: {difference}. {NeverRegenerate}");
        }
        else
        {
            Assert.True(
                difference.Max <= tolerance.MaxDifference && difference.Share <= tolerance.MaxShareDiffering,
                $"{id} must be within {tolerance}: {difference}. {NeverRegenerate}");
        }
    }

    [Theory]
    [MemberData(nameof(CasesWithMasks))]
    public void Mask_matches_its_reference_exactly(string id)
    {
        var c = Case(id);
        using var result = GoldenCases.Render(c);
        using var reference = Reference(c.MaskFile);

        var difference = ImageDifference.Of(reference, Assert.Single(result.Masks));

        Assert.True(difference.Differing == 0, $"{id}'s mask must match its reference exactly (nearest neighbour): {difference}. {NeverRegenerate}");
    }

    /// <summary>A reference generated from an op that did nothing would make its test worthless.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_is_not_the_unchanged_input(string id)
    {
        var c = Case(id);
        using var input = GoldenCases.LoadInput(c.Input);
        using var reference = Reference(c.ImageFile);

        Assert.False(
            input.ToString() == reference.ToString() && input.ToPackedArray().SequenceEqual(reference.ToPackedArray()),
            $"{id}'s reference is its input unchanged");
    }

    [Fact]
    public void The_folder_holds_exactly_the_references_of_the_cases()
    {
        var expected = GoldenCases.All.SelectMany(c => c.WithMask ? new[] { c.ImageFile, c.MaskFile } : [c.ImageFile]).Order(StringComparer.Ordinal);
        var actual = Directory.EnumerateFiles(Folder, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Case_ids_are_unique()
    {
        Assert.Equal(GoldenCases.All.Count, GoldenCases.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void References_stay_small()
    {
        var sizes = Directory.EnumerateFiles(Folder, "*.png").Select(f => new FileInfo(f)).ToList();

        Assert.All(sizes, f => Assert.True(f.Length <= 32 * 1024, $"{f.Name} is {f.Length} bytes; keep references to small crops"));
        Assert.True(sizes.Sum(f => f.Length) <= 1024 * 1024, "the references together should stay under 1 MiB");
    }

    /// <summary>
    /// The tolerances must still catch real changes: rendered with a slightly different parameter, a
    /// case falls outside its tolerance.
    /// </summary>
    [Theory]
    [InlineData("Rotate_ccw30")]
    [InlineData("Resize_linear")]
    [InlineData("ElasticTransform_wavy")]
    [InlineData("HueSaturationValue_shift")]
    [InlineData("CLAHE_gray")]
    [InlineData("GaussianBlur_k5")]
    [InlineData("ImageCompression_jpeg_q15")]
    public void A_slightly_different_parameter_is_outside_the_tolerance(string id)
    {
        var c = Case(id);
        var near = id switch
        {
            "Rotate_ccw30" => c with { Records = [new OpRecord("0", "Rotate", true, new RotateParams(29))] },
            "Resize_linear" => c with { PipelineEntry = "Resize: { height: 48, width: 64, interpolation: cubic }" },
            "ElasticTransform_wavy" => c with { PipelineEntry = "ElasticTransform: { alpha: 70, sigma: 5 }" },
            "HueSaturationValue_shift" => c with { Records = [new OpRecord("0", "HueSaturationValue", true, new HueSaturationValueParams(21, 30, -10))] },
            "CLAHE_gray" => c with { Records = [new OpRecord("0", "CLAHE", true, new ClaheParams(2.5))] },
            "GaussianBlur_k5" => c with { Records = [new OpRecord("0", "GaussianBlur", true, new GaussianBlurParams(5, 1.3))] },
            _ => c with { Records = [new OpRecord("0", "ImageCompression", true, new QualityParams(17))] },
        };
        using var result = GoldenCases.Render(near);
        using var reference = Reference(c.ImageFile);
        var tolerance = c.Tolerance!;

        var difference = ImageDifference.Of(reference, result.Image);

        Assert.True(
            difference.Max > tolerance.MaxDifference || difference.Share > tolerance.MaxShareDiffering,
            $"{id} with a slightly different parameter is still within {tolerance}: {difference}");
    }

    private static GoldenCase Case(string id) => GoldenCases.All.Single(c => c.Id == id);

    private static ImageBuffer Reference(string file)
    {
        var path = Path.Combine(Folder, file);
        Assert.True(File.Exists(path), $"{path} is missing: run build/golden.sh and review the new reference before committing it");
        return ImageCodec.DecodeFile(path);
    }
}
