using Augment.Core.Ops.Pixel;
namespace Augment.GoldenImages;

/// <summary>Golden cases of the blurs ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] BlursCases =>
    [
        Pixel("Blur", "k5", GoldenInput.Astronaut, "Blur: {}", new KernelSizeParams(5), Filter,
            "softened by a 5x5 box: the patch's lettering smeared evenly in every direction"),
        Pixel("Emboss", "strong", GoldenInput.Coins, "Emboss: {}", new EmbossParams(0.5, 0.7), Filter,
            "relief lit from the top left: coin rims bright on their upper left, dark on their lower right"),
        Pixel("UnsharpMask", "k7", GoldenInput.Astronaut, "UnsharpMask: {}", new UnsharpMaskParams(7, 0, 0.5), Filter,
            "crisper edges of the patch and strap; flat orange areas (below the threshold) unchanged"),
    ];
}
