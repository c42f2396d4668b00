using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
namespace Augment.GoldenImages;

/// <summary>Golden cases of the colour ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] ColourCases =>
    [
        Pixel("ChannelShuffle", "brg", GoldenInput.Astronaut, "ChannelShuffle: {}", new ChannelOrderParams([2, 0, 1]), null,
            "red takes blue's samples, green red's, blue green's: the orange suit turns green, the violet patch brown"),
        Pixel("ChannelDropout", "green", GoldenInput.Astronaut, "ChannelDropout: { fill: 0 }", new ChannelDropoutParams([1]), null,
            "no green left: the orange suit turns red-magenta, the white strap magenta"),
        Pixel("ToSepia", "colour", GoldenInput.Astronaut, "ToSepia: {}", NoParams.Instance, null,
            "brown-toned monochrome, highlights clipped to a pale cream"),
        Pixel("ToSepia", "gray", GoldenInput.Coins, "ToSepia: {}", NoParams.Instance, null,
            "one channel still, brighter: every sample times the luma of the sepia row sums (about 1.24), clipped at 255"),
    ];
}
